/**
 * A combination's members keep their forecasts by origin inside a backtest job (the combination
 * asks for the ones their own backtests made): each is made once, and the numbers are those of
 * forecasting again.
 */

import { rememberingForecasts } from "../../src/forecast/models/remembered.ts";
import { runJob } from "../../src/forecast/jobs.ts";
import { backtestSeries, type SeriesBacktest } from "../../src/forecast/backtest/series.ts";
import { planBacktest } from "../../src/forecast/backtest/plan.ts";
import { contextOf, truncateContext } from "../../src/forecast/context.ts";
import { modelNamed } from "../../src/forecast/registry.ts";
import { expandProfiles, yearlyCoefficientsAt } from "../../src/forecast/yearly/apply.ts";
import type { FittedModel, SeriesContext } from "../../src/forecast/types.ts";
import { generateSynthetic } from "../../src/data/synthetic.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { contextFor, weeklySeries } from "./series_fixtures.ts";

Deno.test("a remembering model forecasts once per origin and hands out copies", () => {
  let calls = 0;
  const fitted: FittedModel = {
    model: "count",
    predict: (context, horizon) => {
      calls++;
      return Float64Array.from({ length: horizon }, (_, h) => context.values.length + h);
    },
  };
  const remembering = rememberingForecasts(fitted);
  const history = contextFor("sales", weeklySeries(60));
  const first = remembering.predict(truncateContext(history, 50), 7);
  first[0] = -1; // the caller's copy
  assertEquals(Array.from(remembering.predict(truncateContext(history, 50), 7)), [
    50,
    51,
    52,
    53,
    54,
    55,
    56,
  ]);
  assertEquals(calls, 1, "the same days again: not forecast again");
  assertEquals(remembering.predict(truncateContext(history, 51), 7)[0], 51);
  assertEquals(remembering.predict(truncateContext(history, 50), 3).length, 3);
  const copy = contextFor("sales", history.values.slice(0, 50)); // equal numbers, other array
  remembering.predict(copy, 7);
  assertEquals(calls, 4, "another origin, horizon or array is forecast");
});

Deno.test("in a backtest job, combo-median's windows are those of backtesting it alone", async () => {
  // 400 days: a yearly profile too (its deseasonalised histories are shared between models).
  const set = generateSynthetic({
    products: 2,
    days: 400,
    start: parseIsoDay("2023-01-01")!,
    seed: 4,
  });
  const plan = planBacktest(
    { horizon: 14, windows: 10, step: 7, refitEvery: 2 },
    set.products[0].start,
    set.products[0].start + 399,
  );
  const models = ["theta", "ets", "tsb", "combo-median"];
  const profiles = yearlyCoefficientsAt(set, undefined, plan.cutoffs);
  assert(profiles.some((p) => p !== undefined), "some cutoffs have a yearly profile");
  for (const product of set.products) {
    const series: SeriesContext = contextOf(product, "sales");
    const yearlyCoefficients = profiles.map((p) => p?.get(product.id));
    const job = await runJob({
      kind: "backtest",
      models,
      series,
      plan,
      seed: 1,
      yearlyCoefficients,
    }) as SeriesBacktest[];
    const alone = await backtestSeries(modelNamed("combo-median"), series, plan, {
      seed: 1,
      yearlyProfiles: expandProfiles(yearlyCoefficients),
    });
    const combined = job[3].windows;
    assertEquals(combined.length, alone.windows.length);
    assert(combined.length >= 8, "windows were scored");
    combined.forEach((w, k) => {
      for (const key of ["mean", "lo80", "hi95"] as const) {
        assertEquals(Array.from(w.forecast[key]), Array.from(alone.windows[k].forecast[key]));
      }
    });
  }
});
