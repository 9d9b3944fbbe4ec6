import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";
import { compactWindows, packWindows } from "../../src/forecast/backtest/window.ts";
import type { BacktestWindow } from "../../src/forecast/backtest/series.ts";
import { metricsOf } from "../../src/forecast/metrics.ts";

/** A window of `days` days whose numbers all differ (so a misplaced array shows). */
function window(cutoff: number, days: number, open?: number[]): BacktestWindow {
  const values = (k: number) => Float64Array.from({ length: days }, (_, h) => cutoff + k * 100 + h);
  return {
    cutoff,
    forecast: {
      mean: values(0),
      lo80: values(1),
      hi80: values(2),
      lo95: values(3),
      hi95: values(4),
    },
    actual: values(5),
    ...(open ? { open: Uint8Array.from(open) } : {}),
    scales: { mae: 1 + cutoff, mse: 2 + cutoff },
  };
}

const plain = (w: BacktestWindow) => ({
  cutoff: w.cutoff,
  forecast: Object.fromEntries(
    Object.entries(w.forecast).map(([name, values]) => [name, [...values]]),
  ),
  actual: [...w.actual],
  open: w.open ? [...w.open] : undefined,
  scales: w.scales,
});

Deno.test("compact and packed windows hold the same numbers as the windows they were made from", () => {
  const windows = [window(10, 3, [1, 0, 1]), window(17, 3), window(24, 3, [0, 1, 1])];
  for (const made of [compactWindows(windows), packWindows(windows)]) {
    assertEquals(made.map(plain), windows.map(plain));
    assertEquals(made[1].open, undefined, "a window without closed days has no mask");
    assertEquals(metricsOf(made), metricsOf(windows), "metrics are unchanged");
  }
  assertEquals(
    JSON.parse(JSON.stringify(compactWindows(windows))),
    JSON.parse(JSON.stringify(windows)),
    "JSON sees the whole window",
  );
});

Deno.test("a compact window's arrays are views of its series' block: rounding in place sticks", () => {
  const [first, second] = compactWindows([window(10, 2), window(17, 2)]);
  first.forecast.mean[0] = 0.5;
  second.actual[1] = 7;
  assertEquals(first.forecast.mean[0], 0.5);
  assertEquals(second.actual[1], 7);
  assertEquals(first.actual[1], 511, "the other arrays are left alone");
  assert(first.actual.buffer === second.forecast.lo95.buffer, "one buffer for the series");
});

Deno.test("a window whose forecast and actuals differ in length is refused", () => {
  const bad = window(10, 3);
  bad.forecast.hi95 = new Float64Array(2);
  assertThrows(() => compactWindows([bad]), RangeError, "2 forecast days for 3 actual");
});
