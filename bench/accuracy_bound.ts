/**
 * How good could any forecast be? Backtests `auto`'s light candidates on a dataset with issue 7's
 * protocol (horizon 28, 5 windows 14 days apart, fitted once) and scores, next to `auto` and the
 * classical references issue 16 asks it to beat (theta, ets, ma28, tsb), forecasts that
 * know the future: each window's true mean as a flat line, and the best baseline rescaled to
 * each window's (or each week's) true total. On lumpy real demand these bounds show how much of
 * the error no model built from the history can remove. Prints one JSON line per target.
 * Usage: deno run -A bench/accuracy_bound.ts DATA
 */

import { readDaily } from "../src/data/read_daily.ts";
import { detectCalendar } from "../src/data/calendar.ts";
import { backtestDataset } from "../src/forecast/dataset/backtest.ts";
import { comparableSeries } from "../src/forecast/backtest/align.ts";
import type { BacktestWindow, SeriesBacktest } from "../src/forecast/backtest/series.ts";
import { autoBacktest } from "../src/forecast/auto_score.ts";
import { type Metrics, pooledMetrics } from "../src/forecast/metrics.ts";
import type { Target } from "../src/forecast/types.ts";
import { DEFAULT_CANDIDATES, modelNamed, zeroModel } from "../src/forecast/registry.ts";

/** `auto`'s default candidates without the networks. */
const MODELS = DEFAULT_CANDIDATES.filter((name) => modelNamed(name).cost === "light");
/** The classical methods issue 16 asks `auto` to beat (issue 7's were ets, ma28, snaive7). */
const REFERENCES = ["theta", "ets", "ma28", "tsb"];

/** A window whose forecast is replaced (on open days) by `mean(window)`. */
function replaced(window: BacktestWindow, mean: (w: BacktestWindow) => Float64Array) {
  // Field by field: a backtest's windows are packed, their arrays are getters a spread drops.
  const { cutoff, forecast, actual, open, scales } = window;
  return {
    cutoff,
    forecast: { ...forecast, mean: mean(window) },
    actual,
    ...(open ? { open } : {}),
    scales,
  };
}

/** Whether each day of a window is open. */
const openDays = (w: BacktestWindow) => {
  const open = w.open;
  return (h: number) => !open || open[h] === 1;
};

/** The window's true mean over its open days, flat (0 on closed days). */
function trueMean(w: BacktestWindow): Float64Array {
  const isOpen = openDays(w);
  const actual = w.actual;
  let total = 0;
  let days = 0;
  actual.forEach((v, h) => {
    if (isOpen(h)) (total += v, days++);
  });
  return actual.map((_, h) => (isOpen(h) && days > 0 ? total / days : 0));
}

/** The forecast rescaled so that each block of `block` days has its true total. */
function trueTotals(block: number) {
  return (w: BacktestWindow): Float64Array => {
    const out = Float64Array.from(w.forecast.mean);
    const isOpen = openDays(w);
    const actuals = w.actual;
    for (let start = 0; start < out.length; start += block) {
      let forecast = 0;
      let actual = 0;
      for (let h = start; h < Math.min(out.length, start + block); h++) {
        if (!isOpen(h)) continue;
        forecast += out[h];
        actual += actuals[h];
      }
      const factor = forecast > 0 ? actual / forecast : 1;
      for (let h = start; h < Math.min(out.length, start + block); h++) out[h] *= factor;
    }
    return out;
  };
}

function pooled(series: SeriesBacktest[], model: string, change?: typeof trueMean): Metrics {
  return pooledMetrics(
    series.filter((s) => s.model === model).map((s) =>
      change ? s.windows.map((w) => replaced(w, change)) : s.windows
    ),
  );
}

const figures = (m: Metrics) => ({
  rmsse: Number(m.rmsse.toFixed(4)),
  wape_week: Number(m.wape_week.toFixed(4)),
});

const [data] = Deno.args;
const set = await readDaily(data);
const result = await backtestDataset(set, {
  horizon: 28,
  windows: 5,
  step: 14,
  refitEvery: 0,
  models: MODELS,
  seed: 42,
  calendar: detectCalendar(set),
});
const all = [...result.series, ...autoBacktest(result.series)];
for (const target of ["sales", "returns"] as Target[]) {
  const series = comparableSeries(all, target).series;
  const references = REFERENCES.map((model) => ({ model, ...figures(pooled(series, model)) }));
  // The best baseline that forecasts something (zero cannot be rescaled to a total).
  const scored = MODELS.filter((m) => m !== zeroModel.name && series.some((s) => s.model === m))
    .map((model) => ({ model, rmsse: pooled(series, model).rmsse }));
  const best = scored.sort((a, b) => a.rmsse - b.rmsse)[0].model;
  console.log(JSON.stringify({
    target,
    auto: figures(pooled(series, "auto")),
    references,
    best_baseline: { model: best, ...figures(pooled(series, best)) },
    oracle_window_mean: figures(pooled(series, best, trueMean)),
    oracle_window_total: figures(pooled(series, best, trueTotals(28))),
    oracle_week_totals: figures(pooled(series, best, trueTotals(7))),
  }));
}
