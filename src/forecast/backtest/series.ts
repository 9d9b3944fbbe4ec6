/**
 * The backtest of one model on one series: fit at the cutoffs the plan says, forecast each
 * window with intervals from the fitted model's own errors, keep the actuals and the scale of
 * the in-sample seasonal-naive errors (for MASE and RMSSE).
 * @module
 */

import type { FittedModel, Forecast, ForecastModel, SeriesContext } from "../types.ts";
import { actualValues, historyUpTo } from "../context.ts";
import { calibrationFor, closeDays, forecastWithIntervals } from "../forecast.ts";
import { intervalsFrom, scaledResidual } from "../intervals.ts";
import { CALIBRATION_ORIGINS } from "../calibrate.ts";
import { type BacktestPlan, MIN_PAST_WINDOWS, refitsAt } from "./plan.ts";
import { naiveScales } from "../metrics.ts";
import { fitWithYearlyProfile } from "../yearly/apply.ts";
import { type BacktestWindow, packWindows } from "./window.ts";
import { RollingErrors } from "./rolling_errors.ts";

export type { BacktestWindow } from "./window.ts";

/** The backtest of one product, target and model. */
export interface SeriesBacktest {
  /** Product id. */
  productId: string;
  /** Sales or returns. */
  target: SeriesContext["target"];
  /** Model name. */
  model: string;
  /** One entry per window the series could be scored on. */
  windows: BacktestWindow[];
}

/** A fit: the model's own, or a replacement (e.g. a worker or a saved model). */
export type Fitter = (
  model: ForecastModel,
  history: SeriesContext,
  seed: number,
  horizon: number,
) => Promise<FittedModel>;

/**
 * Backtests `model` on `series` (the whole history of one product and target). Windows whose
 * training span is shorter than the model's minimum history are skipped. `futureSales[k]`, when
 * given, is the sales forecast for window k, and `returnLagShapes[k]` the return lag shape pooled
 * over all products up to cutoff k (returns models use them). `yearlyProfiles[k]`, when given,
 * is the product's yearly profile at cutoff k: the model then fits and forecasts on the history
 * divided by it (see `yearly/apply.ts`).
 */
export async function backtestSeries(
  model: ForecastModel,
  series: SeriesContext,
  plan: BacktestPlan,
  options: {
    seed: number;
    futureSales?: (Float64Array | undefined)[];
    returnLagShapes?: (Float64Array | undefined)[];
    yearlyProfiles?: (Float64Array | undefined)[];
    fit?: Fitter;
    /** Training spans by length, shared by the models backtested on the same series. */
    histories?: Map<number, SeriesContext>;
  },
): Promise<SeriesBacktest> {
  const own: Fitter = options.fit ??
    (async (m, history, seed, horizon) => await m.fit(history, { horizon, seed }));
  // With a yearly profile at any cutoff, every fit sees the deseasonalised history and every
  // forecast is multiplied back (a window without a profile passes through unchanged).
  const fit: Fitter = options.yearlyProfiles?.some((p) => p !== undefined)
    ? (m, history, seed, horizon) =>
      fitWithYearlyProfile(history, (plain) => own(m, plain, seed, horizon))
    : own;
  const windows: BacktestWindow[] = [];
  // The scaled errors of the latest CALIBRATION_ORIGINS windows that have ended, sorted per step:
  // windows end in the order they start, so the ended ones are always the first `ended`.
  const pastWindows = plan.intervals === "past-windows";
  const rows: Float64Array[] = [];
  const rolling = new RollingErrors(plan.horizon, CALIBRATION_ORIGINS);
  let ended = 0;
  let fitted: FittedModel | undefined;
  let calibratedFor: FittedModel | undefined;
  let calibration: Float64Array[] = [];
  const n = series.values.length;
  for (let k = 0; k < plan.cutoffs.length; k++) {
    const length = plan.cutoffs[k] - series.start + 1;
    if (length < model.minHistory || length + plan.horizon > n) continue;
    const shape = options.returnLagShapes?.[k];
    const yearly = options.yearlyProfiles?.[k];
    let span = options.histories?.get(length);
    if (!span) {
      span = historyUpTo(series, length);
      options.histories?.set(length, span);
    }
    const history = {
      ...span,
      ...(shape ? { returnLagShape: shape } : {}),
      ...(yearly ? { yearly } : {}),
    };
    if (!fitted || refitsAt(plan, k, model.network !== undefined)) {
      fitted = await fit(model, history, options.seed, plan.horizon);
    }
    const context: SeriesContext = {
      ...history,
      ...(options.futureSales?.[k] ? { futureSales: options.futureSales[k] } : {}),
      ...(series.open ? { open: series.open.subarray(0, length + plan.horizon) } : {}),
    };
    if (pastWindows) {
      while (ended < windows.length && windowEnd(windows[ended]) <= plan.cutoffs[k]) {
        if (rolling.size === CALIBRATION_ORIGINS) rolling.remove(rows[ended - CALIBRATION_ORIGINS]);
        rolling.add(rows[ended++]);
      }
    }
    let forecast: Forecast;
    if (pastWindows && ended >= MIN_PAST_WINDOWS) {
      forecast = closeDays(
        intervalsFrom(fitted.predict(context, plan.horizon), rolling.pools(), true),
        context,
      );
    } else if (pastWindows) {
      // Until enough windows have ended, a fit's own calibration serves every window it
      // forecasts (its origins are all before the fit's cutoff): calibrated once per fit, not
      // once per window — for a network fitted once, an eighth of the forecasts.
      if (calibratedFor !== fitted) {
        calibration = calibrationFor(fitted, model, context, plan.horizon);
        calibratedFor = fitted;
      }
      forecast = closeDays(
        intervalsFrom(fitted.predict(context, plan.horizon), calibration),
        context,
      );
    } else {
      forecast = forecastWithIntervals(fitted, model, context, plan.horizon);
    }
    const actual = actualValues(series).slice(length, length + plan.horizon);
    if (pastWindows) {
      rows.push(actual.map((a, h) => scaledResidual(a, forecast.mean[h])));
    }
    windows.push({
      cutoff: plan.cutoffs[k],
      forecast,
      actual,
      ...(series.open ? { open: series.open.slice(length, length + plan.horizon) } : {}),
      scales: naiveScales(actualValues(series).subarray(0, length)),
    });
  }
  fitted?.dispose?.();
  return {
    productId: series.productId,
    target: series.target,
    model: model.name,
    windows: packWindows(windows),
  };
}

/** The day after a window's last day (its cutoff + its length). */
function windowEnd(window: BacktestWindow): number {
  return window.cutoff + window.actual.length;
}
