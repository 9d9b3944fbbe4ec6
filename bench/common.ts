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
/**
 * The V8 flags the heavy tasks of `deno.json` run with. The heap grows by 20 % per major GC
 * instead of V8's default: a planning run makes much short-lived garbage (the replay's decisions
 * at every review), which let the heap reach several times its live size between collections; at
 * 1,000 products this takes about 0.8 GiB off the peak, at no cost in time. The young generation
 * is capped at 4 MiB per semi-space (V8 lets it grow to 16 or 32): each of the backtest's worker
 * threads holds its own, and at 200 products this takes a further 0.3 GiB off the backtest's peak
 * for about 2 % more time.
 */
export const V8_FLAGS = "--v8-flags=--heap-growing-percent=20,--max-semi-space-size=4";

/** `deno` arguments that run the CLI as the tasks run it (with {@link V8_FLAGS}). */
export const CLI = [
  "run",
  "--allow-all",
  "--quiet",
  V8_FLAGS,
  `${ROOT}src/cli.ts`,
];
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
