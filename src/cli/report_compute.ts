/**
 * What the report's worker (`report_worker.ts`) does: run the planning run — or read the outputs
 * of `--from` and plan again from them — and build the report's files, then write them into the
 * directory it is given.
 * @module
 */

import { join } from "node:path";
import { type FileContent, writeContent } from "../io/write_atomic.ts";
import { printErr } from "./print.ts";
import { loadScoped } from "./scope.ts";
import { Progress } from "./progress.ts";
import { ensureDemoData, type PlanningRunConfig, runFromConfig } from "./planning_run.ts";
import { buildReportFiles } from "../report/build.ts";
import type { RunInput } from "../outputs/run_input.ts";
import { readRun } from "../outputs/read_run.ts";
import { replanRun } from "./replan.ts";

/** A report computed: its files, still to be written, and the run's date and title. */
export interface ComputedReport {
  files: Map<string, FileContent>;
  runDate: string;
  title: string;
}

/** Computes the report of `config` (from the outputs in `from`, if given). */
export async function computeReport(
  config: PlanningRunConfig,
  from?: string,
): Promise<ComputedReport> {
  const progress = new Progress(config.quiet);
  const input = from
    ? await inputFromOutputs(config, from, progress)
    : await runFromConfig(config, progress, true);
  progress.stage("render the report");
  return {
    files: buildReportFiles(input),
    runDate: input.options.runDate,
    title: input.options.title,
  };
}

/** Writes the files of a computed report into `dir`. */
export async function writeReport(report: ComputedReport, dir: string): Promise<void> {
  for (const [name, content] of report.files) await writeContent(join(dir, name), content);
}

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
