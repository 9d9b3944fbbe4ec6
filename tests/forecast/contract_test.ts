/**
 * The contract every model answers, checked on every registered model: length, non-negative and
 * finite bounds in order, same seed → same numbers, all-zero and sparse series, the minimum
 * history, and a RangeError naming product and days below it.
 */

import { BASELINE_MODELS, LSTM_MODELS } from "../../src/forecast/registry.ts";
import { forecast } from "../../src/forecast/forecast.ts";
import type { Forecast, Target } from "../../src/forecast/types.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { contextFor, laggedReturns, sparseSeries, weeklySeries } from "./series_fixtures.ts";

const HORIZON = 30;

function assertValid(result: Forecast, label: string) {
  assertEquals(result.mean.length, HORIZON, `${label}: length`);
  for (let h = 0; h < HORIZON; h++) {
    const row = [result.lo95[h], result.lo80[h], result.mean[h], result.hi80[h], result.hi95[h]];
    assert(row.every((v) => Number.isFinite(v) && v >= 0), `${label}: finite, ≥ 0 at ${h}: ${row}`);
    assert(result.lo95[h] <= result.lo80[h] + 1e-9, `${label}: lo95 ≤ lo80 at ${h}`);
    assert(result.lo80[h] <= result.hi80[h] + 1e-9, `${label}: lo80 ≤ hi80 at ${h}`);
    assert(result.hi80[h] <= result.hi95[h] + 1e-9, `${label}: hi80 ≤ hi95 at ${h}`);
  }
}

function historyFor(target: Target, sales: Float64Array) {
  return target === "sales"
    ? contextFor("sales", sales)
    : contextFor("returns", laggedReturns(sales), sales);
}

for (const model of [...BASELINE_MODELS, ...LSTM_MODELS]) {
  const days = Math.max(model.minHistory, 120);
  for (const target of model.targets) {
    Deno.test(`${model.name} (${target}) answers the forecast contract`, async () => {
      const sales = weeklySeries(days);
      const history = historyFor(target, sales);
      const first = await forecast(model, history, { horizon: HORIZON, seed: 7 });
      assertValid(first, "weekly");
      const again = await forecast(model, history, { horizon: HORIZON, seed: 7 });
      assertEquals(Array.from(again.mean), Array.from(first.mean), "same seed, same numbers");
      assertEquals(Array.from(again.hi95), Array.from(first.hi95), "same seed, same bounds");

      const zeros = new Float64Array(days);
      const allZero = await forecast(model, contextFor(target, zeros, zeros), {
        horizon: HORIZON,
        seed: 7,
      });
      assertValid(allZero, "all-zero");
      assert(allZero.mean.every((v) => v < 0.5), `all-zero history forecasts ~0: ${allZero.mean}`);

      const sparse = sparseSeries(days);
      const sparseHistory = target === "sales"
        ? contextFor("sales", sparse)
        : contextFor("returns", sparseSeries(days, 0.95, 4), sparse);
      assertValid(await forecast(model, sparseHistory, { horizon: HORIZON, seed: 7 }), "sparse");

      const shortest = historyFor(target, sales.slice(0, model.minHistory));
      assertValid(await forecast(model, shortest, { horizon: HORIZON, seed: 7 }), "minimum length");

      if (model.minHistory > 1) {
        const tooShort = historyFor(target, sales.slice(0, model.minHistory - 1));
        const error = await forecast(model, tooShort, { horizon: HORIZON, seed: 7 }).then(
          () => undefined,
          (e) => e,
        );
        assert(error instanceof RangeError, `${model.name}: RangeError below the minimum`);
        assert(error.message.includes("P1"), "names the product");
        assert(error.message.includes(String(model.minHistory - 1)), "names the days");
      }
    });
  }
}

Deno.test("a horizon that is not a positive integer is a RangeError", async () => {
  const history = contextFor("sales", weeklySeries(60));
  for (const horizon of [0, -3, 2.5]) {
    const error = await forecast(BASELINE_MODELS[0], history, { horizon, seed: 1 }).catch((e) => e);
    assert(error instanceof RangeError && error.message.includes(String(horizon)), `${horizon}`);
  }
});
