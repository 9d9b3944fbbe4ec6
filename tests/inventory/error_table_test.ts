/**
 * A product's planning error table keeps, per origin, only the forecasts a replayed review uses —
 * those of the models `auto` would have chosen that day — and the forecast totals that scale the
 * samples; every other forecast stays in the backtest windows.
 */

import { productErrors } from "../../src/inventory/planning/error_table.ts";
import { choiceAt } from "../../src/forecast/backtest/choice_at.ts";
import { totalOfFirst } from "../../src/inventory/errors/scale.ts";
import { FALLBACK } from "../../src/forecast/registry.ts";
import type { BacktestWindow } from "../../src/forecast/backtest/series.ts";
import {
  type DatasetForecast,
  resultKey,
  type TargetResult,
} from "../../src/forecast/dataset/results.ts";
import type { ProductSeries } from "../../src/data/series.ts";
import type { Target } from "../../src/forecast/types.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

/** Windows longer than L + R (7 + 7), so a total over the whole window would be caught. */
const DAYS = 21;
const ORIGINS = 12;
const FALLBACK_MODEL = FALLBACK.shortHistory[0].name;

/** A window at `cutoff` forecasting `level + h` a day while `actual` a day happened. */
function window(cutoff: number, level: number, actual: number): BacktestWindow {
  const mean = Float64Array.from({ length: DAYS }, (_, h) => level + h);
  return {
    cutoff,
    forecast: { mean, lo80: mean, hi80: mean, lo95: mean, hi95: mean },
    actual: new Float64Array(DAYS).fill(actual),
    scales: { mae: 1, mse: 1 },
  };
}

/**
 * Three models of one target: the fallback always far off; `steady` always a little off;
 * `turning` close for its first `good` windows, then far off — so the choice turns from
 * `turning` to `steady` once enough bad windows have ended. `steady` has no window at origin 9.
 */
function candidates(actual: number, good: number): Map<string, BacktestWindow[]> {
  const cutoffs = Array.from({ length: ORIGINS }, (_, j) => 100 + 7 * j);
  return new Map([
    [FALLBACK_MODEL, cutoffs.map((c) => window(c, actual + 30, actual))],
    ["turning", cutoffs.map((c, j) => window(c, j < good ? actual - 10 : actual + 6, actual))],
    ["steady", cutoffs.flatMap((c, j) => j === 9 ? [] : [window(c, actual - 13, actual)])],
  ]);
}

Deno.test("the error table keeps the chosen models' forecasts per origin, copied, and the forecast totals", () => {
  const product = {
    id: "P1",
    start: 0,
    sales: new Float64Array(300),
    returns: new Float64Array(300),
  };
  // Sales and returns turn at different origins: each target's own choice is used.
  const backtests: Record<Target, Map<string, BacktestWindow[]>> = {
    sales: candidates(20, 4),
    returns: candidates(3, 8),
  };
  const result = (target: Target): TargetResult => ({
    productId: "P1",
    target,
    model: "steady",
    reason: "",
    firstDay: 300,
    forecast: backtests[target].get("steady")![0].forecast,
    backtests: backtests[target],
  });
  const forecast: DatasetForecast = {
    results: new Map([
      [resultKey("P1", "sales"), result("sales")],
      [resultKey("P1", "returns"), result("returns")],
    ]),
  };
  const table = productErrors(forecast, product as unknown as ProductSeries, 7, 7);
  assertEquals(table.origins, Array.from({ length: ORIGINS }, (_, j) => 101 + 7 * j));
  let missing = 0;
  for (const [j, origin] of table.origins.entries()) {
    const models = {
      sales: choiceAt(backtests.sales, FALLBACK_MODEL)(origin),
      returns: choiceAt(backtests.returns, FALLBACK_MODEL)(origin),
    };
    const windowAt = (target: Target) =>
      backtests[target].get(models[target])!.find((w) => w.cutoff + 1 === origin);
    const at = table.originForecasts[j];
    if (!windowAt("sales") || !windowAt("returns")) {
      assertEquals(at, undefined, `origin ${j}: a chosen model has no window there`);
      missing++;
      continue;
    }
    assert(at, `origin ${j}`);
    for (const target of ["sales", "returns"] as const) {
      assertEquals(at.models[target], models[target], `${target} at origin ${j}`);
      const windowMean = windowAt(target)!.forecast.mean;
      assertEquals([...at[target]], [...windowMean]);
      assert(at[target].buffer !== windowMean.buffer, "a copy, not a view of the window");
    }
  }
  for (const target of ["sales", "returns"] as const) {
    // Every model keeps the total of its first L + R days' forecast at every origin (NaN where
    // it has no window).
    for (const [model, windows] of backtests[target]) {
      const totals = table.errors[target].get(model)!.forecastCycle;
      for (const [j, origin] of table.origins.entries()) {
        const w = windows.find((w) => w.cutoff + 1 === origin);
        assertEquals(totals[j], w ? totalOfFirst(w.forecast.mean, 14) : NaN, `${model} ${j}`);
      }
    }
  }
  // The fallback until a window has ended, then `turning`, then `steady` — at other origins for
  // sales (after 4 good windows) than for returns (after 8).
  const turns = (target: Target) =>
    table.origins.map((_, j) => table.originForecasts[j]?.models[target] ?? "-").join(" ");
  const [f, t, s] = [FALLBACK_MODEL, "turning", "steady"];
  assertEquals(turns("sales"), [f, f, f, t, t, t, t, s, s, "-", s, s].join(" "));
  assertEquals(turns("returns"), [f, f, f, t, t, t, t, t, t, "-", t, s].join(" ")); // sales has none at 9
  assert(missing > 0, "an origin where the chosen model has no window");
});
