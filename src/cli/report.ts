/**
 * `deno task report`: the main job. Generates the demo data when the default file is missing,
 * trains or reuses saved models, backtests, forecasts, plans, raises alerts, simulates the
 * policies, and writes report.html, report.pdf and the CSV/JSON files into one directory —
 * atomically, so a failed run leaves the previous report intact. `--from DIR` renders the outputs
 * of `plan` or `merge` without recomputing. The run and the files are made in a worker
 * (`report_job.ts`) that has ended, and given its memory back, before Chromium prints the PDF.
 * @module
 */

import { printErr, printOut } from "./print.ts";
import { join } from "node:path";
import { defineCommand } from "./args.ts";
import { Progress } from "./progress.ts";
import { path, toggle } from "../config/option.ts";
import { defaultReportDir, PLANNING_RUN_OPTIONS } from "../config/run_config.ts";
import { InputError } from "../io/errors.ts";
import { findChromium } from "../report/chromium.ts";
import { renderPdf } from "../report/pdf.ts";
import { writeOutputDirBy } from "../io/output_dir.ts";
import { startReportJob } from "./report_job.ts";
import { guardOutputDir } from "./output_guard.ts";
import { today } from "../config/run_config.ts";

/** Thrown out of the output's fill when `--pdf` is given and no PDF was made: the swap is undone. */
const STRICT_PDF_FAILED = new Error("report.pdf could not be made");

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
    pdf: toggle(
      "pdf",
      "fail (exit 1) when the PDF cannot be made, leaving the previous output as it was",
    ),
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
    // Computed in a worker, whose memory is given back before Chromium starts.
    const job = await startReportJob(config, config.from);
    const chromium = config.noPdf ? undefined : findChromium();
    let pdfProblem: string | undefined;
    let written: string[] = [];
    try {
      const out = config.from ? config.out ?? defaultReportDir(config.data, job.runDate) : planned;
      if (config.from) await guardOutputDir(out, config, "report");
      await writeOutputDirBy(out, "report", [...job.names, "report.pdf"], async (temp) => {
        await job.write(temp, { settle: chromium !== undefined });
        written = [...job.names];
        if (config.noPdf) return written;
        pdfProblem = await printPdf(temp, chromium, job.title, progress);
        if (!pdfProblem) written.push("report.pdf");
        else if (config.pdf) throw STRICT_PDF_FAILED;
        return written;
      }).catch((error) => {
        if (error !== STRICT_PDF_FAILED) throw error;
      });
      if (pdfProblem && config.pdf) {
        printErr(`error: ${pdfProblem}; ${out}/ is left as it was (drop --pdf to write the rest)`);
        return 1;
      }
      progress.line(`report done in ${progress.elapsed.toFixed(1)} s`);
      if (pdfProblem) printErr(`warning: ${pdfProblem}`);
      printOut(`wrote ${out}/: ${written.sort().join(", ")}`);
    } finally {
      job.close();
    }
    return 0;
  },
});

/** Prints `temp`/report.html to report.pdf with `chromium`; what went wrong, or `undefined`. */
async function printPdf(
  temp: string,
  chromium: string | undefined,
  title: string,
  progress: Progress,
): Promise<string | undefined> {
  if (!chromium) {
    return "no Chromium found, so no report.pdf: install it (apt-get install chromium) or set " +
      "CHROME_PATH to a Chrome or Chromium binary";
  }
  progress.stage("print report.pdf with Chromium");
  try {
    await renderPdf({
      htmlPath: join(temp, "report.html"),
      pdfPath: join(temp, "report.pdf"),
      executablePath: chromium,
      title,
    });
    return undefined;
  } catch (error) {
    return `report.pdf could not be made: ${
      error instanceof Error ? error.message.split("\n")[0] : error
    }`;
  }
}
