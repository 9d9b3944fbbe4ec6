/**
 * The worker that computes a report (`report_job.ts` starts it): it runs the planning run — or
 * reads the outputs of `--from` and plans again from them — builds the report's files, says
 * their names, writes them into the directory it is then given, and ends. Its memory goes back
 * to the system when it ends, before Chromium prints the PDF; the main thread's would not (Deno
 * keeps what a thread has freed).
 * @module
 */

/// <reference lib="deno.worker" />

import { join } from "node:path";
import { InputError } from "../io/errors.ts";
import { type FileContent, writeContent } from "../io/write_atomic.ts";
import { printErr } from "./print.ts";
import { loadScoped } from "./scope.ts";
import { Progress } from "./progress.ts";
import { ensureDemoData, type PlanningRunConfig, runFromConfig } from "./planning_run.ts";
import { buildReportFiles } from "../report/build.ts";
import type { RunInput } from "../outputs/run_input.ts";
import { readRun } from "../outputs/read_run.ts";
import { replanRun } from "./replan.ts";
import type { ReportWorkerMessage, ReportWorkerReply } from "./report_job.ts";

let files: Map<string, FileContent> | undefined;

const reply = (message: ReportWorkerReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ReportWorkerMessage>) => {
  const message = event.data;
  try {
    if (message.kind === "compute") {
      const { config, from } = message;
      const progress = new Progress(config.quiet);
      const input = from
        ? await inputFromOutputs(config, from, progress)
        : await runFromConfig(config, progress, true);
      progress.stage("render the report");
      files = buildReportFiles(input);
      reply({
        kind: "ready",
        names: [...files.keys()],
        runDate: input.options.runDate,
        title: input.options.title,
      });
    } else {
      for (const [name, content] of files ?? []) {
        await writeContent(join(message.temp, name), content);
      }
      files = undefined;
      reply({ kind: "written" });
    }
  } catch (error) {
    reply({
      kind: "failed",
      input: error instanceof InputError,
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    });
  }
};

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
