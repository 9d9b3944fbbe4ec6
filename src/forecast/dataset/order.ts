/**
 * The order of a dataset backtest: its jobs as they are handed out (the long ones first) and its
 * results as they are kept (product, target, model).
 * @module
 */

import { modelNamed } from "../registry.ts";
import type { BacktestJob, GlobalBacktestJob } from "../jobs.ts";
import type { SeriesBacktest } from "../backtest/series.ts";

/** A backtest job of either kind. */
export type AnyBacktestJob = BacktestJob | GlobalBacktestJob;

/** Heavy jobs first, so the long ones start early and the cheap ones fill the gaps. */
export function heavyFirst(jobs: AnyBacktestJob[]): AnyBacktestJob[] {
  const rank = (job: AnyBacktestJob) =>
    job.kind === "backtest-global"
      ? 0
      : job.models.some((m) => modelNamed(m).cost === "heavy")
      ? 1
      : 2;
  return [...jobs].sort((a, b) => rank(a) - rank(b));
}

/** Product, then target (sales first), then the models in the order asked. */
export function sortSeries(series: SeriesBacktest[], models: readonly string[]): SeriesBacktest[] {
  return series.sort((a, b) =>
    (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0) ||
    (a.target === b.target ? 0 : a.target === "sales" ? -1 : 1) ||
    models.indexOf(a.model) - models.indexOf(b.model)
  );
}
