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

Deno.test("interval bounds are the quantiles of each step's pooled errors, sorted whole", () => {
  // The reference: pool the steps within 3 (wider while under 20 errors), sort, read quantiles.
  const reference = (mean: Float64Array, residuals: Float64Array[]) => {
    const steps = residuals.length;
    return Array.from(mean, (m, h) => {
      const center = Math.min(h, steps - 1);
      let pool = new Float64Array(0);
      for (let radius = 3; radius <= steps + 3; radius *= 2) {
        pool = Float64Array.from(
          residuals.slice(Math.max(0, center - radius), center + radius + 1).flatMap((r) => [...r]),
        ).sort();
        if (pool.length >= 20) break;
      }
      const points = 2 * residuals[center].length;
      const at = (p: number) => Math.max(0, m + quantileSorted(pool, p) * Math.sqrt(m + 1));
      const lo95 = at(1 - conformalLevel(0.975, points));
      const lo80 = Math.max(lo95, at(1 - conformalLevel(0.9, points)));
      const hi95 = Math.max(lo80, at(conformalLevel(0.975, points)));
      return [lo95, lo80, Math.min(hi95, Math.max(lo80, at(conformalLevel(0.9, points)))), hi95];
    });
  };
  const random = createRandom(11);
  for (const [steps, origins] of [[14, 40], [14, 9], [28, 3], [5, 120], [1, 2]]) {
    // Ties and both signs of zero, as counts give them.
    const residuals = Array.from(
      { length: steps },
      () => Float64Array.from({ length: origins }, () => Math.round(random.normal() * 3) / 2),
    );
    const mean = Float64Array.from({ length: steps + 3 }, () => random.uniform() * 50);
    const forecast = intervalsFrom(mean, residuals);
    const expected = reference(mean, residuals);
    for (let h = 0; h < mean.length; h++) {
      const got = [forecast.lo95[h], forecast.lo80[h], forecast.hi80[h], forecast.hi95[h]];
      assertEquals(got, expected[h], `${steps} steps × ${origins} origins, step ${h + 1}`);
    }
  }
  // NaN among the errors sorts last, as in a typed array's sort.
  const withNaN = [Float64Array.from([NaN, ...Array.from({ length: 30 }, (_, i) => i - 15)])];
  const mean = Float64Array.of(10);
  assertEquals(intervalsFrom(mean, withNaN).lo80[0], reference(mean, withNaN)[0][1]);
});
