import { backtestSeries } from "../../src/forecast/backtest/series.ts";
import type { BacktestPlan } from "../../src/forecast/backtest/plan.ts";
import { errorScale } from "../../src/forecast/intervals.ts";
import { BASELINE, type ForecastModel } from "../../src/forecast/types.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { contextFor, MONDAY, weeklySeries } from "./series_fixtures.ts";

/** A model that forecasts its history's mean, counting its forecasts. */
function meanModel(): { model: ForecastModel; forecasts: () => number } {
  let forecasts = 0;
  const model: ForecastModel = {
    ...BASELINE,
    name: "mean",
    description: "the history's mean",
    minHistory: 7,
    targets: ["sales"],
    fit(history) {
      const level = history.values.reduce((a, b) => a + b, 0) / history.values.length;
      return Promise.resolve({
        model: "mean",
        predict: (_context, horizon) => {
          forecasts++;
          return new Float64Array(horizon).fill(level);
        },
      });
    },
  };
  return { model, forecasts: () => forecasts };
}

Deno.test("past-windows intervals: each fit calibrates once for its windows until 8 have ended", async () => {
  const values = weeklySeries(400, 60);
  const plan: BacktestPlan = {
    horizon: 14,
    cutoffs: Array.from({ length: 20 }, (_, k) => MONDAY + 150 + 7 * k),
    refitEvery: 4,
    intervals: "past-windows",
  };
  const { model, forecasts } = meanModel();
  const { windows } = await backtestSeries(model, contextFor("sales", values), plan, { seed: 1 });
  assertEquals(windows.length, 20);
  // The interval's upper 95 % bound per step, in units of the error scale around the mean.
  const quantiles = (k: number) => {
    const { mean, hi95 } = windows[k].forecast;
    return Array.from(mean, (m, h) => ((hi95[h] - m) / errorScale(m)).toFixed(9));
  };
  // Windows end 14 days after their cutoff, 7 days apart: window k has k − 1 ended before it, so
  // windows 0…8 use their fit's calibration (fits at 0, 4 and 8), window 9 on the past windows.
  for (const [first, last] of [[0, 3], [4, 7]]) {
    for (let k = first + 1; k <= last; k++) {
      assertEquals(quantiles(k), quantiles(first), `window ${k} shares fit ${first}'s calibration`);
    }
  }
  const same = (a: string[], b: string[]) => a.join() === b.join();
  assert(!same(quantiles(4), quantiles(0)), "a new fit calibrates anew");
  assert(!same(quantiles(9), quantiles(8)), "then the ended windows' errors");
  // 20 windows, 3 calibrations of at most 40 origins: not one calibration per window.
  assert(forecasts() <= 20 + 3 * 40, `${forecasts()} forecasts`);
});
