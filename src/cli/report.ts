/**
 * `deno task report`: the main job. Generates the demo data when the default file is missing,
 * trains or reuses saved models, backtests, forecasts, plans, raises alerts, simulates the
 * policies, and writes report.html, report.pdf and the CSV/JSON files into one directory —
 * atomically, so a failed run leaves the previous report intact. `--from DIR` renders the outputs
 * of `plan` or `merge` without recomputing.
 * @module
 */

import { printErr, printOut } from "./print.ts";
import { join } from "node:path";
import { defineCommand } from "./args.ts";
import { loadScoped } from "./scope.ts";
import { Progress } from "./progress.ts";
import { ensureDemoData, type PlanningRunConfig, runFromConfig } from "./planning_run.ts";
import { path, toggle } from "../config/option.ts";
import { defaultReportDir, PLANNING_RUN_OPTIONS } from "../config/run_config.ts";
import { InputError } from "../io/errors.ts";
import { buildReportFiles } from "../report/build.ts";
import type { RunInput } from "../outputs/run_input.ts";
import { readRun } from "../outputs/read_run.ts";
import { replanRun } from "./replan.ts";
import { findChromium } from "../report/chromium.ts";
import { renderPdf } from "../report/pdf.ts";
import { writeOutputDir } from "../io/output_dir.ts";
import { guardOutputDir } from "./output_guard.ts";
import { today } from "../config/run_config.ts";

/** The `report` command. */
export const reportCommand = defineCommand({
  name: "report",
  summary: "the main job: forecast, plan and publish report.html, report.pdf and CSVs",
  options: {
    ...PLANNING_RUN_OPTIONS,
    from: path("from", {
      value: "DIR",
      help:
        "render the outputs of plan or merge in DIR instead of computing (needs the same --data)",
    }),
    out: path("out", { value: "DIR", help: "output directory (default: reports/DATA-DATE/)" }),
    noPdf: toggle("no-pdf", "skip the PDF"),
    pdf: toggle("pdf", "fail (exit 1) when the PDF cannot be made"),
  },
  examples: [
    "deno task report",
    "deno task report --data data/online_retail_top50.csv --horizon 28 --out reports/online-retail",
    "deno task report --policy multiplier --safety-factor 1.5 --no-pdf",
    "deno task report --data data/big.csv --from merged --out reports/big",
  ],
  async run(config) {
    if (config.noPdf && config.pdf) {
      throw new InputError("--pdf and --no-pdf contradict each other; pick one");
    }
    const progress = new Progress(config.quiet);
    const planned = config.out ?? defaultReportDir(config.data, today());
    if (!config.from) await guardOutputDir(planned, config, "report");
    const input = config.from
      ? await inputFromOutputs(config, config.from, progress)
      : await runFromConfig(config, progress, true);
    const out = config.from
      ? config.out ?? defaultReportDir(config.data, input.options.runDate)
      : planned;
    if (config.from) await guardOutputDir(out, config, "report");

    progress.stage("render the report");
    const files = buildReportFiles(input);
    const chromium = config.noPdf ? undefined : findChromium();
    let pdfProblem: string | undefined;
    await writeOutputDir(out, "report", files, async (temp) => {
      if (config.noPdf) return [];
      if (!chromium) {
        pdfProblem =
          "no Chromium found, so no report.pdf: install it (apt-get install chromium) or set " +
          "CHROME_PATH to a Chrome or Chromium binary";
        return [];
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
        return [];
      }
      return ["report.pdf"];
    });
    const written = [...files.keys(), ...(config.noPdf || pdfProblem ? [] : ["report.pdf"])]
      .sort();
    progress.line(`report done in ${progress.elapsed.toFixed(1)} s`);
    if (pdfProblem) printErr(`${config.pdf ? "error" : "warning"}: ${pdfProblem}`);
    printOut(`wrote ${out}/: ${written.join(", ")}`);
    return pdfProblem && config.pdf ? 1 : 0;
  },
});

/**
 * The report's inputs read back from the files of `plan` or `merge`: forecasts and backtests as
 * written, the plans made again from them (`replan.ts`: the same plans, with the error
 * distributions the explorer needs).
 */
async function inputFromOutputs(
  config: PlanningRunConfig,
  dir: string,
  progress: Progress,
): Promise<RunInput> {
  await ensureDemoData(config.data, progress);
  progress.stage(`read ${dir} and ${config.data}`);
  const { all, calendar } = await loadScoped(config);
  const read = await readRun([dir], { all, calendar, dataPath: config.data, note: printErr });
  const input = replanRun(read.input, {
    all,
    calendar,
    simulate: read.simulated,
    ...(read.orderLines ? { orderLines: read.orderLines } : {}),
  });
  return config.title ? { ...input, options: { ...input.options, title: config.title } } : input;
}
