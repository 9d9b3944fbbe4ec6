/**
 * A forecasting worker: receives jobs, runs them with its own tfjs, posts back progress and
 * results. One model trains per worker at a time.
 * @module
 */

/// <reference lib="deno.worker" />

import { type Job, runJob } from "../jobs.ts";
import { InputError } from "../../io/errors.ts";

self.onmessage = async (event: MessageEvent<{ id: number; job: Job }>) => {
  const { id, job } = event.data;
  try {
    const result = await runJob(
      job,
      (progress) => self.postMessage({ id, progress }),
      (part) => self.postMessage({ id, part }),
    );
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({
      id,
      error: {
        name: error instanceof Error ? error.name : "Error",
        message: error instanceof Error ? error.message : String(error),
        input: error instanceof InputError,
      },
    });
  }
};
