/**
 * What every benchmark file shares: where things are, how the CLI is run, and the shapes of a
 * benchmark and its figures.
 * @module
 */

import { fileURLToPath } from "node:url";
import type { Measurement } from "./measure.ts";

/** Repository root. */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Scratch directory for generated inputs and outputs. */
export const WORK = `${ROOT}.tmp/bench`;
/** The shared Online Retail II file of the real-data benchmarks. */
export const SHARED = `${ROOT}../shared/data/online-retail/online_retail_ii_2009-12_2010-11.csv.gz`;
/** `deno` arguments that run the CLI. */
export const CLI = ["run", "--allow-all", "--quiet", `${ROOT}src/cli.ts`];
/** The demo data. */
export const DEMO = `${WORK}/demo.csv`;
/** Saved models of the demo benchmarks. */
export const MODELS = `${WORK}/models`;

/** One reported figure. */
export interface Figure {
  label: string;
  value: string;
  target?: number | string;
  met?: boolean;
}

/** One benchmark. */
export interface Benchmark {
  name: string;
  /** Files that must exist first, with the `deno` arguments that make each. */
  setup?: [file: string, args: string[]][];
  /** `deno` arguments of the measured run. */
  args: string[];
  /** Target wall time (s) and peak memory (MiB). */
  seconds?: number;
  peakMiB?: number;
  /** More figures read from the run's output. */
  figures?: (run: Measurement) => Figure[];
  /** Why it cannot run here, if it cannot. */
  skip?: () => string | undefined;
  /** Runs before the measured run (e.g. removes saved models for a cold start). */
  prepare?: () => Promise<void>;
  /** Working directory of the run (default: the repository). */
  cwd?: string;
}

/** Whether a path exists. */
export function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes a directory tree, if there is one. */
export async function removeDir(path: string): Promise<void> {
  await Deno.remove(path, { recursive: true }).catch(() => {});
}
