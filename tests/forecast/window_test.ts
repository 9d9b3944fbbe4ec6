import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";
import {
  compactWindows,
  packWindows,
  SharedScales,
  updateWindowNumbers,
} from "../../src/forecast/backtest/window.ts";
import { SpillFile } from "../../src/forecast/backtest/spill.ts";
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
  const spilled = compactWindows(windows, new SpillFile());
  for (const made of [compactWindows(windows), packWindows(windows), spilled]) {
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

Deno.test("updateWindowNumbers changes every number of compact, spilled and plain windows", () => {
  const made = () => [window(10, 2), window(17, 2)];
  const spill = new SpillFile();
  for (const windows of [compactWindows(made()), compactWindows(made(), spill), made()]) {
    updateWindowNumbers(windows, (numbers) => numbers.forEach((v, i) => numbers[i] = v + 0.25));
    assertEquals(
      windows.map(plain),
      made().map((w) => {
        const p = plain(w);
        return {
          ...p,
          forecast: Object.fromEntries(
            Object.entries(p.forecast).map(([k, v]) => [k, v.map((x) => x + 0.25)]),
          ),
          actual: p.actual.map((x) => x + 0.25),
        };
      }),
    );
  }
  const [first, second] = compactWindows(made());
  assert(first.actual.buffer === second.forecast.lo95.buffer, "one buffer for the series");
});

Deno.test("spilled windows leave no file behind and survive their cache", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const spill = new SpillFile(dir);
    assertEquals([...Deno.readDirSync(dir)], [], "the file is removed as soon as it is open");
    // 40 series of about 2 MiB: more than the 32 MiB cache, so the first are read from the file again.
    const days = 43_690; // 6 arrays of 8-byte numbers: about 2 MiB
    const series = Array.from({ length: 40 }, (_, s) => compactWindows([window(s, days)], spill));
    updateWindowNumbers(series[0], (numbers) => numbers.fill(3));
    for (const [s, [w]] of series.entries()) {
      assertEquals(w.actual[days - 1], s === 0 ? 3 : s + 500 + days - 1);
      assertEquals(w.forecast.lo80[0], s === 0 ? 3 : s + 100);
    }
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("without a temporary file to write, windows are held in memory", () => {
  const windows = [window(10, 3), window(17, 3)];
  const held = compactWindows(windows, new SpillFile("/nonexistent/returncast"));
  assertEquals(held.map(plain), windows.map(plain));
});

Deno.test("a window whose forecast and actuals differ in length is refused", () => {
  const bad = window(10, 3);
  bad.forecast.hi95 = new Float64Array(2);
  assertThrows(() => compactWindows([bad]), RangeError, "2 forecast days for 3 actual");
});

Deno.test("the windows of every model of a series share one scales object per cutoff", () => {
  const scales = new SharedScales();
  const compact = (series: string, windows: BacktestWindow[]) =>
    compactWindows(windows, undefined, { scales, series });
  const ets = compact("P1\tsales", [window(10, 3), window(17, 3)]);
  const theta = compact("P1\tsales", [window(10, 3), window(17, 3)]);
  assert(ets[0].scales === theta[0].scales && ets[1].scales === theta[1].scales);
  assertEquals(theta.map((w) => w.scales), [{ mae: 11, mse: 12 }, { mae: 18, mse: 19 }]);
  // Another series at the same cutoff, or other scales, keep their own.
  const returns = compact("P1\treturns", [window(10, 3)]);
  assert(returns[0].scales !== ets[0].scales);
  const other = { ...window(10, 3), scales: { mae: 5, mse: 25 } };
  assertEquals(compact("P1\tsales", [other])[0].scales, { mae: 5, mse: 25 });
});
