import { runBacktest } from "../../src/forecast/dataset/backtest.ts";
import { comparableSeries } from "../../src/forecast/backtest/align.ts";
import type { SeriesBacktest } from "../../src/forecast/backtest/series.ts";
import { autoBacktest } from "../../src/forecast/auto_score.ts";
import { chooseModels } from "../../src/forecast/select.ts";
import { backtestSummary } from "../../src/outputs/backtest_summary.ts";
import type { SeriesSet } from "../../src/data/series.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { laggedReturns, MONDAY, weeklySeries } from "./series_fixtures.ts";

/** An established product, and one launched 50 days before the end with a big early return. */
function youngAndOld(): SeriesSet {
  const days = 200;
  const oldSales = weeklySeries(days, 40, 5);
  const youngSales = Float64Array.from(
    weeklySeries(days, 30, 6),
    (v, i) => i < days - 50 ? 0 : v,
  );
  const youngReturns = Float64Array.from(
    laggedReturns(youngSales, 7),
    (v, i) => (i === days - 40 ? 500 : v),
  );
  return {
    source: "constructed",
    products: [
      {
        id: "OLD",
        start: MONDAY,
        sales: oldSales,
        returns: laggedReturns(oldSales),
        filledDays: 0,
      },
      { id: "YOUNG", start: MONDAY, sales: youngSales, returns: youngReturns, filledDays: 0 },
    ],
  };
}

Deno.test("models are compared on the windows they all scored: a young product's early window is left out for every model", async () => {
  const set = youngAndOld();
  const last = MONDAY + 199;
  // The young product has 9, 23 and 37 days of history at these cutoffs: zero and snaive7 can
  // forecast all three windows, ets (14 days) two, lag (28 days) only the last.
  const plan = { horizon: 14, cutoffs: [last - 42, last - 28, last - 14], refitEvery: 1 };
  const result = await runBacktest(set, {
    plan,
    models: ["zero", "snaive7", "ets", "lag"],
    seed: 1,
  });
  const young = result.series.filter((s) => s.productId === "YOUNG" && s.target === "returns");
  assertEquals(young.map((s) => s.model), ["zero", "snaive7", "ets", "lag"]);
  for (const entry of young) {
    assertEquals(entry.windows.map((w) => w.cutoff), [last - 14], entry.model);
  }
  // The 500-unit return (in the first window only) counts against no model, so zero is not
  // punished for having forecast a window lag never saw.
  const old = result.series.filter((s) => s.productId === "OLD");
  assert(old.every((s) => s.windows.length === 3), "the established product keeps every window");
  const choice = chooseModels(result.series).find((c) =>
    c.productId === "YOUNG" && c.target === "returns"
  )!;
  assert(choice.ranking.every((r) => r.metrics.days === choice.ranking[0].metrics.days));
  const auto = autoBacktest(result.series).find((s) =>
    s.productId === "YOUNG" && s.target === "returns"
  )!;
  assertEquals(auto.windows.map((w) => w.cutoff), [last - 14]);
});

/** A backtest entry with one window of `days` days, all forecast 1 and actual 1 + error. */
function entry(productId: string, model: string, windows: number, error = 0): SeriesBacktest {
  const one = (cutoff: number) => ({
    cutoff,
    forecast: {
      mean: new Float64Array(7).fill(1),
      lo80: new Float64Array(7),
      hi80: new Float64Array(7).fill(2),
      lo95: new Float64Array(7),
      hi95: new Float64Array(7).fill(3),
    },
    actual: new Float64Array(7).fill(1 + error),
    scales: { mae: 1, mse: 1 },
  });
  return {
    productId,
    target: "sales",
    model,
    windows: Array.from({ length: windows }, (_, k) => one(MONDAY + 7 * k)),
  };
}

Deno.test("the pooled leaderboard leaves out products some model could not be scored on, and says how many", () => {
  // B has no window for "slow" (too young for it); its big errors must not count for "fast" only.
  const series = [
    entry("A", "fast", 2, 0.5),
    entry("A", "slow", 2, 0.1),
    entry("B", "fast", 2, 10),
    entry("B", "slow", 0),
  ];
  const comparable = comparableSeries(series, "sales");
  assertEquals(comparable.leftOut, 1);
  assertEquals([...new Set(comparable.series.map((s) => s.productId))], ["A"]);
  const summary = backtestSummary(series, chooseModels(series), {});
  const rmsse = (model: string) =>
    summary.metrics.find((m) => m.target === "sales" && m.model === model)!.rmsse;
  assertEquals(rmsse("fast"), 0.5);
  assertEquals(rmsse("slow"), 0.1);
  assertEquals(summary.products_left_out, { sales: 1, returns: 0 });
});
