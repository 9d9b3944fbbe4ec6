/**
 * A planning run in memory, as its files and its report are made from it — computed by `plan` or
 * `report`, or read back from files by `merge` and `report --from` — and the facts about it that
 * both the files and the report state (the data summary, the headline figures, the versions).
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { type DataSummary, summarise } from "../data/summary.ts";
import type { ImportSummary } from "../data/import/order_lines.ts";
import type { Calendar } from "../data/calendar.ts";
import type { PlanningResult } from "../inventory/pipeline.ts";
import type { RunConfig } from "../config/run_config.ts";
import { TFJS_VERSION, VERSION } from "../version.ts";
import { type ReportFigures, reportFigures } from "./figures.ts";

/** A run: its data, results and configuration. */
export interface RunInput {
  /** The products planned (a shard's, or all). */
  set: SeriesSet;
  /** Forecasts, plans, alerts, simulation. */
  planning: PlanningResult;
  /** The run's configuration. */
  options: RunConfig;
  /** What the import dropped, when the data came from `import`. */
  importMeta?: ImportSummary;
  /** Open and closed days (cleaning and closed-day handling are described from it). */
  calendar: Calendar;
  /** SHA-256 of the data file. */
  dataFingerprint: string;
}

/** What the files and the report both state about a run. */
export interface RunFacts {
  /** The data's span, totals and filled days. */
  summary: DataSummary;
  /** The headline figures, and which products get a detail page. */
  figures: ReportFigures;
  /** Versions of Returncast, Deno and TensorFlow.js. */
  versions: { returncast: string; deno: string; tfjs: string };
}

/** The facts of a run, computed once. */
export function runFacts(input: RunInput): RunFacts {
  const { set, planning, options } = input;
  return {
    summary: summarise(set),
    figures: reportFigures(set, planning, options.horizon, options.detailLimit),
    versions: { returncast: VERSION, deno: Deno.version.deno, tfjs: TFJS_VERSION },
  };
}
