/**
 * Runs forecasting jobs on both cores: a small pool of Web Workers (one tfjs each), jobs handed
 * out as workers free up, results returned in the order asked. With one worker, or few cheap
 * jobs, everything runs in this thread instead.
 * @module
 */

import { type Job, type JobResult, runJob } from "../jobs.ts";
import type { TrainingProgress } from "../types.ts";
import { InputError } from "../../io/errors.ts";

/** Runs jobs; results come back in input order. */
export interface JobExecutor {
  /** Runs all jobs; `onDone` hears each finished job. */
  run<J extends Job>(
    jobs: J[],
    onDone?: (job: J, result: JobResult<J>) => void,
  ): Promise<JobResult<J>[]>;
  /** Stops the workers. */
  close(): void;
}

/** Number of workers to use: the cores, or RETURNCAST_WORKERS when set. */
export function defaultWorkerCount(): number {
  const fromEnv = Number(Deno.env.get("RETURNCAST_WORKERS"));
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1));
}

/** Runs jobs in this thread. */
export function inlineExecutor(onProgress?: (p: TrainingProgress) => void): JobExecutor {
  return {
    async run<J extends Job>(jobs: J[], onDone?: (job: J, result: JobResult<J>) => void) {
      const results: JobResult<J>[] = [];
      for (const job of jobs) {
        const result = await runJob(job, onProgress) as JobResult<J>;
        onDone?.(job, result);
        results.push(result);
      }
      return results;
    },
    close() {},
  };
}

/** Runs jobs on `size` workers (created on first use). */
export function workerExecutor(
  size: number,
  onProgress?: (p: TrainingProgress) => void,
): JobExecutor {
  const workers: Worker[] = [];
  let nextId = 0;
  const ensure = (count: number) => {
    while (workers.length < count) {
      workers.push(new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" }));
    }
  };
  const send = (worker: Worker, job: Job) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const listener = (event: MessageEvent) => {
        const data = event.data;
        if (data.id !== id) return;
        if (data.progress) {
          onProgress?.(data.progress);
          return;
        }
        worker.removeEventListener("message", listener);
        worker.removeEventListener("error", failure);
        if (data.error) {
          const error = data.error.input
            ? new InputError(data.error.message)
            : Object.assign(new Error(data.error.message), { name: data.error.name });
          reject(error);
        } else resolve(data.result);
      };
      const failure = (event: ErrorEvent) => {
        event.preventDefault();
        worker.removeEventListener("message", listener);
        reject(new Error(`a forecasting worker crashed: ${event.message}`));
      };
      worker.addEventListener("message", listener);
      worker.addEventListener("error", failure);
      worker.postMessage({ id, job });
    });
  return {
    async run<J extends Job>(jobs: J[], onDone?: (job: J, result: JobResult<J>) => void) {
      ensure(Math.min(size, jobs.length));
      const results = new Array<JobResult<J>>(jobs.length);
      let next = 0;
      await Promise.all(
        workers.slice(0, Math.min(size, jobs.length)).map(async (worker) => {
          while (next < jobs.length) {
            const index = next++;
            results[index] = await send(worker, jobs[index]) as JobResult<J>;
            onDone?.(jobs[index], results[index]);
          }
        }),
      );
      return results;
    },
    close() {
      for (const worker of workers) worker.terminate();
      workers.length = 0;
    },
  };
}

/**
 * The executor for a batch of work: workers when there is LSTM training or many jobs and more
 * than one core, this thread otherwise.
 */
export function chooseExecutor(
  heavy: boolean,
  jobCount: number,
  onProgress?: (p: TrainingProgress) => void,
): JobExecutor {
  const size = defaultWorkerCount();
  return size > 1 && (heavy || jobCount >= 400)
    ? workerExecutor(size, onProgress)
    : inlineExecutor(onProgress);
}
