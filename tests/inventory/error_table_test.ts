/**
 * A product's planning error table keeps, per origin, only the forecasts a replayed review uses —
 * those of the models `auto` would have chosen that day — and the forecast totals that scale the
 * samples; every other forecast stays in the backtest windows.
 */

import { productErrors } from "../../src/inventory/planning/error_table.ts";
import { choiceAt } from "../../src/forecast/backtest/choice_at.ts";
import { totalOfFirst } from "../../src/inventory/errors/scale.ts";
import type { BacktestWindow } from "../../src/forecast/backtest/series.ts";
import {
  type DatasetForecast,
  resultKey,
  type TargetResult,
} from "../../src/forecast/dataset/results.ts";
import type { ProductSeries } from "../../src/data/series.ts";
import type { Target } from "../../src/forecast/types.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const DAYS = 14;
const ORIGINS = 12;

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
 * Two models of one target: `steady` always 2 off; `turning` exact for the first half of the
 * windows, then 10 off — so the choice turns from `turning` to `steady` once enough bad windows
 * have ended.
 */
function candidates(actual: number): Map<string, BacktestWindow[]> {
  const cutoffs = Array.from({ length: ORIGINS }, (_, j) => 100 + 7 * j);
  return new Map([
    [
      "turning",
      cutoffs.map((c, j) => window(c, j < ORIGINS / 2 ? actual - 6.5 : actual + 4, actual)),
    ],
    ["steady", cutoffs.map((c) => window(c, actual - 8.5, actual))],
  ]);
}

Deno.test("the error table keeps the chosen models' forecasts per origin, copied, and the forecast totals", () => {
  const product = {
    id: "P1",
    start: 0,
    sales: new Float64Array(300),
    returns: new Float64Array(300),
  };
  const backtests: Record<Target, Map<string, BacktestWindow[]>> = {
    sales: candidates(20),
    returns: candidates(3),
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
  const chosen = new Set<string>();
  for (const [j, origin] of table.origins.entries()) {
    const at = table.originForecasts[j]!;
    for (const target of ["sales", "returns"] as const) {
      const model = choiceAt(backtests[target])(origin);
      assertEquals(at.models[target], model, `${target} at origin ${j}`);
      chosen.add(model);
      const windowMean = backtests[target].get(model)![j].forecast.mean;
      assertEquals([...at[target]], [...windowMean]);
      assert(at[target].buffer !== windowMean.buffer, "a copy, not a view of the window");
    }
    // Every model keeps the total of its first L + R days' forecast at every origin.
    for (const [model, windows] of backtests.sales) {
      assertEquals(
        table.errors.sales.get(model)!.forecastCycle[j],
        totalOfFirst(windows[j].forecast.mean, 14),
      );
    }
  }
  assertEquals([...chosen].sort(), ["steady", "turning"], "the choice turns over the origins");
});
