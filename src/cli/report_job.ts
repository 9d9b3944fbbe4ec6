/**
 * A report computed in a worker of its own (`report_worker.ts`), so that its memory is given
 * back before Chromium starts: a planning run of 1,000 products leaves the thread that ran it
 * holding gigabytes it has freed, and Chromium printing the PDF beside it would add its own.
 * The worker computes and names the files ({@link startReportJob}), writes them where it is told
 * ({@link ReportJob.write}) and is ended.
 * @module
 */

import { InputError } from "../io/errors.ts";
import type { Resolved } from "../config/option.ts";
import type { PLANNING_RUN_OPTIONS } from "../config/run_config.ts";

/**
 * The options of the run a report computes (`PlanningRunConfig` without a shard: this module
 * imports no code of the run, so the main thread of `report` never runs it).
 */
export type ReportRunConfig = Resolved<typeof PLANNING_RUN_OPTIONS>;

/** What the main thread sends the worker. */
export type ReportWorkerMessage =
  | { kind: "compute"; config: ReportRunConfig; from?: string }
  | { kind: "write"; temp: string };

/** What the worker answers. */
export type ReportWorkerReply =
  | { kind: "ready"; names: string[]; runDate: string; title: string }
  | { kind: "written" }
  | { kind: "failed"; input: boolean; message: string; stack?: string };

/** A computed report whose files are still to be written. */
export interface ReportJob {
  /** The files it will write. */
  readonly names: readonly string[];
  /** The run's date and title (from the outputs read, with `--from`). */
  readonly runDate: string;
  readonly title: string;
  /**
   * Writes the files into `dir` and ends the worker; with `settle`, returns once its memory has
   * gone back to the system (as far as this process's resident size shows, and at most 3 s).
   */
  write(dir: string, options: { settle: boolean }): Promise<void>;
  /** Ends the worker (again: harmless). */
  close(): void;
}

/**
 * Starts a worker that computes the report of `config` — from the outputs in `from`, if given —
 * and resolves when its files are ready to be written. Errors in the worker are thrown here as
 * they were thrown there: an {@link InputError} stays one.
 */
export async function startReportJob(config: ReportRunConfig, from?: string): Promise<ReportJob> {
  const worker = new Worker(new URL("./report_worker.ts", import.meta.url).href, {
    type: "module",
  });
  let closed = false;
  const close = () => {
    if (!closed) worker.terminate();
    closed = true;
  };
  // A worker that dies (an error outside its message handler) fails the question being asked,
  // and every later one: nothing waits for an answer that cannot come.
  let died: Error | undefined;
  let pending: ((error: Error) => void) | undefined;
  worker.onerror = (event) => {
    event.preventDefault();
    const where = event.filename ? ` (${event.filename}:${event.lineno})` : "";
    died = new Error(`the report's worker stopped: ${event.message}${where}`);
    close();
    pending?.(died);
  };
  const ask = (message: ReportWorkerMessage) =>
    new Promise<ReportWorkerReply>((resolve, reject) => {
      if (died) return reject(died);
      if (closed) return reject(new Error("the report's worker has ended"));
      pending = reject;
      worker.onmessage = (event: MessageEvent<ReportWorkerReply>) => resolve(event.data);
      worker.postMessage(message);
    }).then((answer) => {
      if (answer.kind !== "failed") return answer;
      close();
      throw rebuilt(answer);
    }, (error) => {
      close();
      throw error;
    });
  const ready = await ask({ kind: "compute", config, ...(from ? { from } : {}) });
  if (ready.kind !== "ready") throw new Error(`report worker answered ${ready.kind}`);
  return {
    names: ready.names,
    runDate: ready.runDate,
    title: ready.title,
    async write(dir: string, { settle }: { settle: boolean }) {
      await ask({ kind: "write", temp: dir });
      close();
      if (settle) await memoryReturned();
    },
    close,
  };
}

/** The worker's error as the main thread throws it. */
function rebuilt(failure: Extract<ReportWorkerReply, { kind: "failed" }>): Error {
  const error = failure.input ? new InputError(failure.message) : new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}

/**
 * Waits until this process's resident size stops falling — an ended worker's memory is given back
 * over about a second — checking every 100 ms, for at most 3 s; at once where `/proc` is missing.
 */
async function memoryReturned(): Promise<void> {
  let lowest = residentKiB();
  if (lowest === undefined) return;
  for (let waited = 0, steady = 0; waited < 3000 && steady < 5; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = residentKiB() ?? 0;
    steady = now < lowest - 4096 ? 0 : steady + 1;
    lowest = Math.min(lowest, now);
  }
}

/** This process's resident size in KiB (undefined without `/proc`). */
function residentKiB(): number | undefined {
  try {
    const status = Deno.readTextFileSync("/proc/self/status");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  } catch {
    return undefined;
  }
}
