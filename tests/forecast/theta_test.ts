/** The Theta method: seasonality test, classical decomposition, SES with drift, closed days. */

import {
  fitThetaAlpha,
  isSeasonal,
  seasonalIndices,
  STANDARD_THETA,
  theta,
  thetaForecast,
} from "../../src/forecast/models/theta.ts";
import { combination } from "../../src/forecast/models/combination.ts";
import { comboMedianModel, thetaModel } from "../../src/forecast/registry.ts";
import { BASELINE, type ForecastModel } from "../../src/forecast/types.ts";
import { createRandom } from "../../src/util/random.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../helpers/assert.ts";
import { contextFor, sparseSeries, weeklySeries } from "./series_fixtures.ts";

const PATTERN = [0.8, 0.9, 1, 1, 1.1, 1.4, 0.8];

Deno.test("theta: the weekly season is found where it is and not in noise", () => {
  assert(isSeasonal(weeklySeries(140, 50)), "a weekly pattern is seasonal");
  const random = createRandom(3);
  const noise = Float64Array.from({ length: 140 }, () => random.poisson(50));
  assert(!isSeasonal(noise), "white noise is not");
});

Deno.test("theta: the classical decomposition recovers multiplicative weekday indices", () => {
  const y = Float64Array.from({ length: 140 }, (_, i) => 100 * PATTERN[i % 7]);
  const indices = seasonalIndices(y);
  const mean = PATTERN.reduce((a, b) => a + b, 0) / 7;
  PATTERN.forEach((p, d) => assertAlmostEquals(indices[d], p / mean, 1e-9, `weekday ${d}`));
});

Deno.test("theta: SES with half the slope as drift continues a straight line's trend", () => {
  // No season; a line of slope 2: θ = 2 extrapolates with drift 1 per day beyond the level.
  const y = Float64Array.from({ length: 120 }, (_, i) => 10 + 2 * i);
  const alpha = fitThetaAlpha(y);
  assert(alpha > 0.9, `a line is followed closely (α = ${alpha})`);
  const forecast = thetaForecast(y, alpha, 5);
  const last = y[y.length - 1];
  for (let h = 1; h < 5; h++) {
    assertAlmostEquals(forecast[h] - forecast[h - 1], 1, 1e-9, "drift = slope / 2");
  }
  assert(forecast[0] > last && forecast[0] < last + 3, `starts at the level: ${forecast[0]}`);
  // θ = 1 is plain SES: flat.
  const ses = thetaForecast(y, alpha, 5, { ...STANDARD_THETA, theta: 1 });
  assertAlmostEquals(ses[4], ses[0], 1e-9, "no drift with θ = 1");
});

Deno.test("theta: a weekday that never sells is forecast 0 and left out of the smoothing", async () => {
  // Saturdays (index 5 from a Monday start) always 0: the shop is closed.
  const y = Float64Array.from(weeklySeries(140, 40), (v, i) => (i % 7 === 5 ? 0 : v));
  const history = contextFor("sales", y);
  const fitted = await thetaModel.fit(history, { horizon: 14, seed: 1 });
  const forecast = fitted.predict(history, 14);
  for (let h = 0; h < 14; h++) {
    if ((140 + h) % 7 === 5) assertEquals(forecast[h], 0, `closed day ${h}`);
    else assert(forecast[h] > 20, `open day ${h}: ${forecast[h]}`);
  }
});

Deno.test("theta: the season is a parameter (odd seasons only)", () => {
  assertEquals(theta("theta5", { ...STANDARD_THETA, season: 5 }).minHistory, 10);
  assertThrows(() => theta("theta6", { ...STANDARD_THETA, season: 6 }), RangeError, "got 6");
});

Deno.test("theta: a sparse series gets a small non-negative flat-ish forecast", () => {
  const y = sparseSeries(200);
  const forecast = thetaForecast(y, fitThetaAlpha(y), 28);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  assert(forecast.every((v) => v >= 0 && v < 5 * mean + 1), `bounded: ${forecast}`);
});

Deno.test("combinations take the mean or the day-by-day median of their members", async () => {
  const constant = (name: string, value: number): ForecastModel => ({
    ...BASELINE,
    name,
    description: name,
    minHistory: 1,
    targets: ["sales", "returns"],
    fit: () => ({ model: name, predict: (_c, h) => new Float64Array(h).fill(value) }),
  });
  const members = [constant("a", 1), constant("b", 2), constant("c", 10), constant("d", 4)];
  const history = contextFor("sales", weeklySeries(60));
  const median = await combination("m", members, "median").fit(history, { horizon: 3, seed: 1 });
  assertEquals(Array.from(median.predict(history, 3)), [3, 3, 3], "median of 1, 2, 4, 10");
  const mean = await combination("m", members).fit(history, { horizon: 2, seed: 1 });
  assertEquals(Array.from(mean.predict(history, 2)), [4.25, 4.25], "mean of 1, 2, 4, 10");
  assertEquals(comboMedianModel.description, "median of the theta, ets, ma28y and tsb forecasts");
  assertEquals(comboMedianModel.targets, ["sales", "returns"]);
  assertEquals(combination("r", [members[0], { ...members[1], targets: ["returns"] }]).targets, [
    "returns",
  ]);
});
