import { conformalLevel, intervalsFrom, quantileSorted } from "../../src/forecast/intervals.ts";
import { calibrationResiduals } from "../../src/forecast/calibrate.ts";
import { naiveModel } from "../../src/forecast/registry.ts";
import { createRandom } from "../../src/util/random.ts";
import { assert, assertAlmostEquals, assertEquals } from "../helpers/assert.ts";
import { contextFor } from "./series_fixtures.ts";

Deno.test("the conformal level is ⌈(n+1)p⌉/n, capped at 1", () => {
  assertAlmostEquals(conformalLevel(0.9, 80), 73 / 80);
  assertAlmostEquals(conformalLevel(0.975, 80), 79 / 80);
  assertEquals(conformalLevel(0.975, 20), 1);
  assertEquals(conformalLevel(0.9, 0), 0.9);
});

Deno.test("quantiles interpolate between sorted values", () => {
  assertEquals(quantileSorted([0, 10], 0.25), 2.5);
  assertEquals(quantileSorted([1, 2, 3], 1), 3);
  assertEquals(quantileSorted([], 0.5), 0);
});

Deno.test("intervals are ordered, clipped at 0 and centred on the errors", () => {
  const residuals = [Float64Array.from({ length: 200 }, (_, i) => (i - 99.5) / 50)];
  const forecast = intervalsFrom(Float64Array.from([0.2, 100]), residuals);
  assertEquals(forecast.lo95[0], 0, "clipped at 0");
  for (let h = 0; h < 2; h++) {
    assert(forecast.lo95[h] <= forecast.lo80[h] && forecast.lo80[h] <= forecast.hi80[h]);
    assert(forecast.hi80[h] <= forecast.hi95[h]);
  }
  // symmetric errors → symmetric interval around a mean of 100
  assertAlmostEquals(100 - forecast.lo80[1], forecast.hi80[1] - 100, 1e-9);
});

Deno.test("intervals from a model's own errors cover about as promised on stationary noise", () => {
  const random = createRandom(5);
  const series = Float64Array.from({ length: 2000 }, () => random.poisson(40));
  const history = contextFor("sales", series.subarray(0, 1000));
  const fitted = {
    model: "mean",
    predict: (_: unknown, h: number) => new Float64Array(h).fill(40),
  };
  const residuals = calibrationResiduals(fitted, history, 10, { minContext: 1 });
  let in80 = 0;
  let in95 = 0;
  let total = 0;
  for (let origin = 1000; origin + 10 <= 2000; origin += 10) {
    const forecast = intervalsFrom(new Float64Array(10).fill(40), residuals);
    for (let h = 0; h < 10; h++) {
      const y = series[origin + h];
      if (y >= forecast.lo80[h] && y <= forecast.hi80[h]) in80++;
      if (y >= forecast.lo95[h] && y <= forecast.hi95[h]) in95++;
      total++;
    }
  }
  assert(in80 / total > 0.75 && in80 / total < 0.9, `80 %: ${in80 / total}`);
  assert(in95 / total > 0.92 && in95 / total <= 1, `95 %: ${in95 / total}`);
});

Deno.test("with too little history, seasonal-naive errors stand in for every step", async () => {
  const history = contextFor("sales", Float64Array.from([5, 6, 5, 6, 5, 6, 5, 6, 5]));
  const fitted = await naiveModel.fit(history, { horizon: 7, seed: 1 });
  const residuals = calibrationResiduals(fitted, history, 7, { minContext: 1 });
  assertEquals(residuals.length, 7);
  assert(residuals.every((r) => r.length > 0), "every step has errors");
});
