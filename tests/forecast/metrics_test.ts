import { metricsOf, naiveScales, pooledMetrics, pooledRmsse } from "../../src/forecast/metrics.ts";
import type { Forecast } from "../../src/forecast/types.ts";
import { assertAlmostEquals, assertEquals } from "../helpers/assert.ts";

function flat(
  mean: number[],
  lo80: number[],
  hi80: number[],
  lo95: number[],
  hi95: number[],
): Forecast {
  const f = (a: number[]) => Float64Array.from(a);
  return { mean: f(mean), lo80: f(lo80), hi80: f(hi80), lo95: f(lo95), hi95: f(hi95) };
}

Deno.test("metrics of one window, worked by hand", () => {
  // actual 10 20 30 40, forecast 12 18 30 44 → errors (f − a) +2 −2 0 +4
  const forecast = flat([12, 18, 30, 44], [11, 19, 25, 41], [13, 21, 35, 45], [0, 0, 0, 0], [
    99,
    99,
    99,
    99,
  ]);
  const m = metricsOf([{
    forecast,
    actual: Float64Array.from([10, 20, 30, 40]),
    scales: { mae: 2, mse: 4 },
  }]);
  assertAlmostEquals(m.mae, 2); // (2+2+0+4)/4
  assertAlmostEquals(m.rmse, Math.sqrt((4 + 4 + 0 + 16) / 4));
  assertAlmostEquals(m.wape, 8 / 100);
  assertAlmostEquals(m.wape_week, 4 / 100); // one 4-day block: |+4| / 100
  assertAlmostEquals(m.mase, 1); // 2 / 2
  assertAlmostEquals(m.rmsse, Math.sqrt(6 / 4));
  assertAlmostEquals(m.bias, 4 / 100);
  assertAlmostEquals(m.coverage80, 0.5); // 20 in [19, 21] and 30 in [25, 35]; 10 and 40 outside
});

Deno.test("coverage counts actuals inside the bounds, edges included", () => {
  const forecast = flat([5, 5], [4, 5], [6, 5], [0, 0], [10, 10]);
  const m = metricsOf([{
    forecast,
    actual: Float64Array.from([4, 6]),
    scales: { mae: 1, mse: 1 },
  }]);
  assertEquals(m.coverage80, 0.5);
  assertEquals(m.coverage95, 1);
});

Deno.test("closed days are not scored", () => {
  const forecast = flat([5, 100], [5, 100], [5, 100], [5, 100], [5, 100]);
  const m = metricsOf([{
    forecast,
    actual: Float64Array.from([5, 0]),
    open: Uint8Array.from([1, 0]),
    scales: { mae: 1, mse: 1 },
  }]);
  assertEquals(m.mae, 0);
  assertEquals(m.days, 1);
});

Deno.test("weekly WAPE uses 7-day totals, so day-to-day shifts cancel", () => {
  const actual = Float64Array.from([10, 0, 10, 0, 10, 0, 10, 10, 0, 10, 0, 10, 0, 10]);
  const shifted = Array.from(actual, (_, i) => actual[(i + 1) % 14]);
  const m = metricsOf([{
    forecast: flat(shifted, shifted, shifted, shifted, shifted),
    actual,
    scales: { mae: 1, mse: 1 },
  }]);
  assertAlmostEquals(m.wape, 1.5, 1e-9); // 12 of 14 days off by 10: 120 / 80 units
  assertEquals(m.wape_week < m.wape, true);
});

Deno.test("the naive scales are the in-sample weekly seasonal-naive errors", () => {
  const series = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1]);
  const scales = naiveScales(series);
  assertAlmostEquals(scales.mae, 2 / 7);
  assertAlmostEquals(scales.mse, 4 / 7);
  assertEquals(naiveScales(new Float64Array(20)), { mae: 1, mse: 1 });
});

Deno.test("pooled MASE and RMSSE average the series; the rest pools the days", () => {
  const one = (mean: number, actual: number, scale: number) => [{
    forecast: flat([mean], [0], [99], [0], [99]),
    actual: Float64Array.from([actual]),
    scales: { mae: scale, mse: scale * scale },
  }];
  const pooled = pooledMetrics([one(12, 10, 1), one(110, 100, 10)]);
  assertAlmostEquals(pooled.mase, (2 + 1) / 2);
  assertAlmostEquals(pooled.mae, 6);
  assertAlmostEquals(pooled.wape, 12 / 110);
});

Deno.test("the anchor's pooled RMSSE is exactly pooledMetrics' (closed days and empty series too)", () => {
  const window = (seed: number, open?: number[]) => {
    const mean = Array.from({ length: 28 }, (_, h) => 5 + ((seed * 7 + h * 3) % 11) / 3);
    const actual = Float64Array.from({ length: 28 }, (_, h) => (seed * 13 + h * 5) % 9);
    return {
      forecast: flat(mean, mean, mean, mean, mean),
      actual,
      ...(open
        ? { open: Uint8Array.from({ length: 28 }, (_, h) => (open.includes(h) ? 0 : 1)) }
        : {}),
      scales: { mae: 1 + seed / 10, mse: (1 + seed / 10) ** 2 + 0.3 },
    };
  };
  const series = [[window(1), window(2, [6, 13])], [], [window(3, [...Array(28).keys()])], [
    window(4),
  ]];
  assertEquals(pooledRmsse(series), pooledMetrics(series).rmsse);
  assertEquals(pooledRmsse([]), pooledMetrics([]).rmsse);
});
