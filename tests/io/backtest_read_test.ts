/**
 * backtest.csv is read back product by product: each product's rows are handed over as soon as
 * they end, so `report --from` and `merge` hold one product's parsed rows at a time (at 10,000
 * products the whole file's windows overran the JavaScript heap).
 */

import { gzipSync } from "fflate";
import {
  formatBacktestCsv,
  type ProductBacktestRows,
  readBacktestCsv,
} from "../../src/outputs/backtest_csv.ts";
import type { SeriesBacktest } from "../../src/forecast/backtest/series.ts";
import { InputError } from "../../src/io/errors.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import { assert, assertEquals, assertIncludes, assertRejects } from "../helpers/assert.ts";

const CUTOFF = parseIsoDay("2024-06-30")!;

/** A product's backtest: one sales model, two windows of `days` days, numbers from `base`. */
function productBacktest(id: string, base: number, days = 14): SeriesBacktest {
  const window = (cutoff: number) => {
    const mean = Float64Array.from({ length: days }, (_, h) => base + h);
    return {
      cutoff,
      forecast: {
        mean,
        lo80: mean.map((v) => v - 1),
        hi80: mean.map((v) => v + 1),
        lo95: mean.map((v) => v - 2),
        hi95: mean.map((v) => v + 2),
      },
      actual: mean.map((v) => v + 0.5),
    };
  };
  return {
    productId: id,
    target: "sales",
    model: "snaive7",
    windows: [window(CUTOFF), window(CUTOFF + days)],
  } as unknown as SeriesBacktest;
}

async function withFile<T>(bytes: Uint8Array, use: (path: string) => Promise<T>): Promise<T> {
  const path = await Deno.makeTempFile({ suffix: ".csv.gz" });
  try {
    await Deno.writeFile(path, bytes);
    return await use(path);
  } finally {
    await Deno.remove(path);
  }
}

const text = (series: SeriesBacktest[]) => [...formatBacktestCsv(series)].join("");
const gz = (csv: string) => gzipSync(new TextEncoder().encode(csv), { level: 6, mtime: 0 });

Deno.test("backtest.csv is handed over product by product, in file order, each product whole", async () => {
  const ids = ["A", "B", "C"];
  const series = ids.flatMap((id, i) => [
    productBacktest(id, 10 * (i + 1)),
    { ...productBacktest(id, 100 * (i + 1)), model: "ma28" },
    { ...productBacktest(id, 1000 * (i + 1)), target: "returns" as const },
  ]);
  const handed: [string, ProductBacktestRows][] = [];
  await withFile(
    gz(text(series)),
    (path) => readBacktestCsv(path, (id, rows) => handed.push([id, rows])),
  );
  assertEquals(handed.map(([id]) => id), ids);
  for (const [i, [, rows]] of handed.entries()) {
    assertEquals([...rows.keys()], ["sales", "returns"]);
    assertEquals([...rows.get("sales")!.keys()], ["snaive7", "ma28"]);
    for (
      const [target, model, base] of [["sales", "snaive7", 10], ["sales", "ma28", 100], [
        "returns",
        "snaive7",
        1000,
      ]] as const
    ) {
      const windows = rows.get(target)!.get(model)!;
      assertEquals([...windows.keys()], ["2024-06-30", "2024-07-14"]);
      const first = windows.get("2024-06-30")!;
      assertEquals(first.forecast.length, 14);
      assertEquals(first.forecast[3], base * (i + 1) + 3);
      assertEquals(first.hi95[0], base * (i + 1) + 2);
      assertEquals(first.actual[13], base * (i + 1) + 13.5);
    }
  }
});

Deno.test("a window whose rows are split by another model's, within a product, is joined", async () => {
  const [header, ...rows] = text([
    productBacktest("A", 1, 2),
    { ...productBacktest("A", 50, 2), model: "ma28" },
  ]).trimEnd().split("\n");
  // snaive7's first window: its first day, then ma28's rows, then its second day.
  const csv = [header, rows[0], ...rows.slice(4), rows[1], rows[2], rows[3]].join("\n") + "\n";
  const handed: ProductBacktestRows[] = [];
  await withFile(gz(csv), (path) => readBacktestCsv(path, (_, rows) => handed.push(rows)));
  assertEquals(handed.length, 1);
  const first = handed[0].get("sales")!.get("snaive7")!.get("2024-06-30")!;
  assertEquals([...first.forecast], [1, 2]);
  assertEquals([...handed[0].get("sales")!.get("ma28")!.get("2024-06-30")!.forecast], [50, 51]);
});

Deno.test("products are handed over while the file is still being read, not after it", async () => {
  // 400 products, the gzip cut in the middle: the products before the cut are handed over, then
  // the damaged rest is an error — a reader that held the whole file would hand over nothing.
  const series = Array.from({ length: 400 }, (_, i) => productBacktest(`P${i}`, i * 7.25));
  const bytes = gz(text(series));
  const handed: string[] = [];
  await withFile(bytes.subarray(0, bytes.length >> 1), async (path) => {
    await assertRejects(
      () => readBacktestCsv(path, (id) => handed.push(id)),
      InputError,
      path,
    );
  });
  assert(handed.length > 50 && handed.length < 400, `${handed.length} products handed over`);
  assertEquals(handed, series.slice(0, handed.length).map((s) => s.productId));
});

Deno.test("a product whose rows come back after another's is a one-line error naming file and line", async () => {
  const csv = text([productBacktest("A", 1, 2), productBacktest("B", 2, 2)]) +
    text([productBacktest("A", 3, 2)]).split("\n").slice(1).join("\n");
  const handed: string[] = [];
  await withFile(gz(csv), async (path) => {
    const error = await assertRejects(
      () => readBacktestCsv(path, (id) => handed.push(id)),
      InputError,
    );
    assertEquals(handed, ["A", "B"], "both handed over before A came back");
    // header, A's 4 rows, B's 4 rows: A again on line 10
    assertIncludes(error.message, `${path}:10: product "A" appears again after other products`);
    assertEquals(error.message.split("\n").length, 1);
  });
});
