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
  /**
   * Runs all jobs; `onDone` hears each job's results as they come: once when it finishes — and
   * before that, for a global backtest, once per chunk of series it hands over as they are
   * scored. A job's result is all it handed over, in order.
   */
  run<J extends Job>(
    jobs: J[],
    onDone?: (job: J, result: JobResult<J>) => void,
  ): Promise<JobResult<J>[]>;
  /** Stops the workers. */
  close(): void;
  /**
   * Whether batches may overlap (a batch run without waiting goes on beside later ones); else
   * each batch must be awaited before the next.
   */
  readonly concurrent: boolean;
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
        const parts = new Parts<J>(job, onDone);
        results.push(parts.end(await runJob(job, onProgress, (part) => parts.add(part))));
      }
      return results;
    },
    close() {},
    concurrent: false,
  };
}

/** What a job has handed over so far, each piece heard by `onDone` as it comes. */
class Parts<J extends Job> {
  readonly #pieces: unknown[][] = [];

  constructor(
    readonly job: J,
    readonly onDone?: (job: J, result: JobResult<J>) => void,
  ) {}

  /** A piece handed over before the end. */
  add(piece: unknown): void {
    this.onDone?.(this.job, piece as JobResult<J>);
    this.#pieces.push(piece as unknown[]);
  }

  /** The job's last result: heard, then joined to the pieces before it. */
  end(result: unknown): JobResult<J> {
    this.onDone?.(this.job, result as JobResult<J>);
    if (this.#pieces.length === 0) return result as JobResult<J>;
    return [...this.#pieces.flat(), ...result as unknown[]] as JobResult<J>;
  }
}

/** A job waiting for a worker, and the promise it settles. */
interface Queued {
  job: Job;
  /** A piece of its result handed over before the end. */
  part: (piece: unknown) => void;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  /** Whether its batch has failed already (its waiting jobs are dropped, not run). */
  failed: () => boolean;
}

/**
 * Runs jobs on `size` workers (created on first use). Batches may overlap: every `run` adds its
 * jobs to one queue, which free workers take in the order they were added — so a batch started
 * without waiting (networks that need nothing else) runs beside work that is still being
 * prepared here, and later batches fill in behind it. A worker runs one job at a time.
 */
export function workerExecutor(
  size: number,
  onProgress?: (p: TrainingProgress) => void,
): JobExecutor {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  // Waiting jobs from `head` on (taken by moving the head: a large run queues tens of thousands),
  // and the jobs on the workers.
  let queue: Queued[] = [];
  let head = 0;
  const running = new Set<Queued>();
  let nextId = 0;
  let closed = false;
  const send = (worker: Worker, queued: Queued) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const listener = (event: MessageEvent) => {
        const data = event.data;
        if (data.id !== id) return;
        if (data.progress) {
          onProgress?.(data.progress);
          return;
        }
        if ("part" in data) {
          queued.part(data.part);
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
        worker.removeEventListener("error", failure);
        // A crashed worker takes no more jobs; another is started if work is left.
        all.delete(worker);
        worker.terminate();
        reject(new Error(`a forecasting worker crashed: ${event.message}`));
      };
      worker.addEventListener("message", listener);
      worker.addEventListener("error", failure);
      worker.postMessage({ id, job: queued.job });
    });
  const take = () => {
    const next = queue[head++];
    if (head > 1024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    return next;
  };
  const pump = () => {
    while (!closed && head < queue.length) {
      if (queue[head].failed()) {
        take();
        continue;
      }
      let worker = idle.pop();
      if (!worker && all.size < size) {
        worker = new Worker(new URL("./worker.ts", import.meta.url).href, { type: "module" });
        all.add(worker);
      }
      if (!worker) return;
      const next = take();
      const busy = worker;
      running.add(next);
      send(busy, next).then(next.resolve, next.reject).finally(() => {
        running.delete(next);
        if (all.has(busy)) idle.push(busy);
        pump();
      });
    }
  };
  return {
    async run<J extends Job>(jobs: J[], onDone?: (job: J, result: JobResult<J>) => void) {
      if (closed) throw new Error("the forecasting workers have been stopped");
      let failed = false;
      const results = jobs.map((job) =>
        new Promise<JobResult<J>>((resolve, reject) => {
          const parts = new Parts(job, onDone);
          const failing = (step: () => void) => {
            if (failed) return;
            try {
              step();
            } catch (error) {
              failed = true;
              reject(error);
            }
          };
          queue.push({
            job,
            part: (piece) => failing(() => parts.add(piece)),
            resolve: (result) => failing(() => resolve(parts.end(result))),
            reject: (error) => {
              failed = true;
              reject(error);
            },
            failed: () => failed,
          });
        })
      );
      pump();
      return await Promise.all(results);
    },
    close() {
      if (closed) return;
      closed = true;
      for (const worker of all) worker.terminate();
      all.clear();
      idle.length = 0;
      // Nothing waits for an answer that cannot come: what was waiting or running fails.
      const stopped = new Error("the forecasting workers have been stopped");
      for (const job of [...queue.slice(head), ...running]) job.reject(stopped);
      queue = [];
      head = 0;
      running.clear();
    },
    concurrent: true,
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
