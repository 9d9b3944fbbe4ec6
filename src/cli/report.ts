/**
 * `deno task report`: the main job. Generates the demo data when the default file is missing,
 * trains or reuses saved models, backtests, forecasts, plans, raises alerts, simulates the
 * policies, and writes report.html, report.pdf and the CSV/JSON files into one directory —
 * atomically, so a failed run leaves the previous report intact. `--from DIR` renders the outputs
 * of `plan` or `merge` without recomputing.
 * @module
 */

import { join } from "node:path";
import type { Command } from "./args.ts";
import { optionalString } from "./args.ts";
import { loadScoped } from "./common.ts";
import { Progress } from "./progress.ts";
import { dataName, ensureDemoData, RUN_FLAGS, runFromFlags } from "./planning_run.ts";
import { InputError } from "../io/errors.ts";
import { DEFAULT_DATA_PATH } from "../data/read_daily.ts";
import { readImportMeta } from "../data/import/meta.ts";
import { sha256Hex } from "../forecast/store/fingerprint.ts";
import { buildReportFiles, type ReportInput } from "../report/build.ts";
import { optionsOf, readOutputs } from "../report/read_outputs.ts";
import { findChromium } from "../report/chromium.ts";
import { renderPdf } from "../report/pdf.ts";
import { writeFiles } from "../io/write_files.ts";

/** The `report` command. */
export const reportCommand: Command = {
  name: "report",
  summary: "the main job: forecast, plan and publish report.html, report.pdf and CSVs",
  flags: {
    ...RUN_FLAGS,
    from: {
      type: "string",
      value: "DIR",
      help:
        "render the outputs of plan or merge in DIR instead of computing (needs the same --data)",
    },
    out: { type: "string", value: "DIR", help: "output directory (default: reports/DATA-DATE/)" },
    "no-pdf": { type: "boolean", help: "skip the PDF" },
    pdf: { type: "boolean", help: "fail (exit 1) when the PDF cannot be made" },
  },
  examples: [
    "deno task report",
    "deno task report --data data/online_retail_top50.csv --horizon 28 --out reports/online-retail",
    "deno task report --policy multiplier --safety-factor 1.5 --no-pdf",
    "deno task report --data data/big.csv --from merged --out reports/big",
  ],
  async run(values) {
    if (values["no-pdf"] && values.pdf) {
      throw new InputError("--pdf and --no-pdf contradict each other; pick one");
    }
    const progress = new Progress(values.quiet === true);
    const from = optionalString(values, "from");
    const input = from
      ? await inputFromOutputs(values, from, progress)
      : await runFromFlags(values, progress, true);
    const dataPath = optionalString(values, "data") ?? DEFAULT_DATA_PATH;
    const out = optionalString(values, "out") ??
      join("reports", `${dataName(dataPath)}-${input.options.runDate}`);

    progress.stage("render the report");
    const files = buildReportFiles(input);
    const chromium = values["no-pdf"] ? undefined : findChromium();
    let pdfProblem: string | undefined;
    await writeFiles(out, files, async (temp) => {
      if (values["no-pdf"]) return;
      if (!chromium) {
        pdfProblem =
          "no Chromium found, so no report.pdf: install it (apt-get install chromium) or set " +
          "CHROME_PATH to a Chrome or Chromium binary";
        return;
      }
      progress.stage("print report.pdf with Chromium");
      try {
        await renderPdf({
          htmlPath: join(temp, "report.html"),
          pdfPath: join(temp, "report.pdf"),
          executablePath: chromium,
          title: input.options.title,
        });
      } catch (error) {
        pdfProblem = `report.pdf could not be made: ${
          error instanceof Error ? error.message.split("\n")[0] : error
        }`;
      }
    });
    const written = [...files.keys(), ...(values["no-pdf"] || pdfProblem ? [] : ["report.pdf"])]
      .sort();
    progress.line(`report done in ${progress.elapsed.toFixed(1)} s`);
    if (pdfProblem) console.error(`${values.pdf ? "error" : "warning"}: ${pdfProblem}`);
    console.log(`wrote ${out}/: ${written.join(", ")}`);
    return pdfProblem && values.pdf ? 1 : 0;
  },
};

/** The report's inputs read back from the files of `plan` or `merge` (nothing recomputed). */
async function inputFromOutputs(
  values: Parameters<Command["run"]>[0],
  dir: string,
  progress: Progress,
): Promise<ReportInput> {
  const dataPath = optionalString(values, "data") ?? DEFAULT_DATA_PATH;
  await ensureDemoData(dataPath, progress);
  progress.stage(`read ${dir} and ${dataPath}`);
  const { all, calendar } = await loadScoped(values);
  const outputs = await readOutputs([dir], all, calendar);
  const { options, thresholds } = optionsOf(outputs.summary);
  const set = {
    ...all,
    products: all.products.filter((p) => outputs.plans.some((q) => q.productId === p.id)),
  };
  const title = optionalString(values, "title");
  return {
    set,
    planning: {
      forecast: outputs.forecast,
      plans: outputs.plans,
      alerts: outputs.alerts,
      simulation: outputs.simulation,
    },
    options: title ? { ...options, title } : options,
    thresholds,
    importMeta: await readImportMeta(dataPath),
    calendar,
    dataFingerprint: await sha256Hex(await Deno.readFile(dataPath)),
  };
}
