import { naiveModel } from "../../src/forecast/registry.ts";
import { seasonalNaiveModel } from "../../src/forecast/registry.ts";
import {
  MA28,
  MA28_YEAR_PROFILE,
  movingAverageForecast,
} from "../../src/forecast/models/moving_average.ts";
import { etsForecast, fitEts } from "../../src/forecast/models/ets.ts";
import { crostonFilter, tsbFilter } from "../../src/forecast/models/intermittent.ts";
import { capOutliers, fitReturnLag, pooledLagShape } from "../../src/forecast/models/lag.ts";
import { medianOfShape } from "../../src/forecast/models/lag.ts";
import { generateSynthetic } from "../../src/data/synthetic.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import { assert, assertAlmostEquals, assertEquals } from "../helpers/assert.ts";
import { contextFor, MONDAY } from "./series_fixtures.ts";

const values = (a: Float64Array) => Array.from(a).map((v) => Math.round(v * 1e6) / 1e6);

Deno.test("naive repeats the last day; snaive7 repeats the last week", async () => {
  const series = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const history = contextFor("sales", series);
  assertEquals(
    values((await naiveModel.fit(history, { horizon: 3, seed: 1 })).predict(history, 3)),
    [9, 9, 9],
  );
  const weekly = (await seasonalNaiveModel.fit(history, { horizon: 9, seed: 1 })).predict(
    history,
    9,
  );
  assertEquals(values(weekly), [3, 4, 5, 6, 7, 8, 9, 3, 4]);
});

Deno.test("ma28 is the 28-day mean shaped by the weekday profile", () => {
  // 8 weeks of Monday 20, other days 10 (starting on a Monday): mean of 28 days = 80/7.
  const series = Float64Array.from({ length: 56 }, (_, i) => (i % 7 === 0 ? 20 : 10));
  const forecast = movingAverageForecast(series, MONDAY, 7);
  const level = 80 / 7;
  // profile: Monday 20 / (80/7) = 1.75, others 10 / (80/7) = 0.875
  assertAlmostEquals(forecast[0], level * 1.75, 1e-9);
  assertAlmostEquals(forecast[1], level * 0.875, 1e-9);
  assertAlmostEquals(forecast[0], 20, 1e-9);
});

Deno.test("ma28y reads the weekday profile from a year, ma28 from the last 8 weeks", () => {
  // 44 weeks with Mondays at 30, then 8 weeks with every day at 10: ma28's profile is flat
  // again, ma28y's still remembers the year's Mondays (level 10 in both).
  const series = Float64Array.from({ length: 364 }, (_, i) => (i < 308 && i % 7 === 0 ? 30 : 10));
  const short = movingAverageForecast(series, MONDAY, 7, MA28);
  const year = movingAverageForecast(series, MONDAY, 7, MA28_YEAR_PROFILE);
  assertAlmostEquals(short[0], 10, 1e-9);
  assertAlmostEquals(short[1], 10, 1e-9);
  assert(year[0] > 1.5 * year[1], `Monday ${year[0]} against Tuesday ${year[1]}`);
});

Deno.test("ets continues a noise-free trend with a weekly season", () => {
  const pattern = [-3, -1, 0, 1, 2, 5, -4];
  const series = Float64Array.from({ length: 140 }, (_, i) => 50 + 0.2 * i + pattern[i % 7]);
  const parameters = fitEts(series);
  const forecast = etsForecast(series, parameters, 14);
  for (let h = 0; h < 14; h++) {
    const truth = 50 + 0.2 * (140 + h) + pattern[(140 + h) % 7];
    assert(Math.abs(forecast[h] - truth) < 1.5, `step ${h + 1}: ${forecast[h]} vs ${truth}`);
  }
  assert(parameters.phi >= 0.8 && parameters.phi <= 0.98, "damping in range");
});

Deno.test("croston: smoothed size over smoothed interval (hand-worked)", () => {
  // Demands of 4 after 3 days and 6 after 4 more: size 4 → 4.2, interval 3 → 3.1 (α = 0.1).
  const { rate } = crostonFilter(Float64Array.from([0, 0, 4, 0, 0, 0, 6]), 0.1);
  assertAlmostEquals(rate, 4.2 / 3.1, 1e-12);
  assertEquals(crostonFilter(new Float64Array(5), 0.1).rate, 0);
});

Deno.test("tsb: smoothed probability × smoothed size, decaying when idle (hand-worked)", () => {
  // Start: p = 2/4, z = (2 + 4)/2 = 3. Days 2,0,4,0 with α = β = 0.5:
  // y=2: p .75, z 2.5; y=0: p .375; y=4: p .6875, z 3.25; y=0: p .34375 → rate 1.1171875.
  const { rate } = tsbFilter(Float64Array.from([2, 0, 4, 0]), 0.5, 0.5);
  assertAlmostEquals(rate, 0.34375 * 3.25, 1e-12);
});

Deno.test("the lag model finds the synthetic data's 7-day return lag and its rate", () => {
  const set = generateSynthetic({
    products: 5,
    days: 730,
    start: parseIsoDay("2023-01-01")!,
    seed: 42,
  });
  const rates = [0.08, 0.12, 0.06, 0.14, 0.1];
  set.products.forEach((product, i) => {
    const lag = fitReturnLag(product.sales, product.returns);
    assertEquals(lag.modeLag, 7, `${product.id} mode`);
    assertEquals(lag.medianLag, 7, `${product.id} median`);
    assertAlmostEquals(lag.rate, rates[i], 0.01, `${product.id} rate`);
  });
  const shape = pooledLagShape(set.products, 60)!;
  assertEquals(medianOfShape(shape), 7);
  assertAlmostEquals(shape.reduce((a, b) => a + b, 0), 1, 1e-9);
});

Deno.test("a lag of 10 days is found as well (not typed in anywhere)", () => {
  const sales = Float64Array.from(
    { length: 400 },
    (_, i) => 100 + 30 * Math.sin(i / 9) + (i % 5) * 7,
  );
  const returns = sales.map((_, i) => (i >= 10 ? 0.05 * sales[i - 10] : 0));
  const lag = fitReturnLag(sales, returns);
  assertEquals(lag.modeLag, 10);
  assertAlmostEquals(lag.rate, 0.05, 0.002);
});

Deno.test("outliers are capped at 3 × the median non-zero day (or its 95th percentile)", () => {
  const series = Float64Array.from([0, 2, 2, 3, 2, 0, 2000, 2, 2, 3]);
  assertEquals(Array.from(capOutliers(series)), [0, 2, 2, 3, 2, 0, 6, 2, 2, 3]);
});
