/**
 * `auto` on constructed backtests: the choice shrinks toward the model best pooled across
 * products and leaves it only for a clear advantage in both RMSSE and 7-day totals; returns are
 * forecast as zero where nothing beats that, with the reason said; the honest score decides each
 * window on the others; the anchor's sample is the same whatever the shard.
 */

import type { BacktestWindow, SeriesBacktest } from "../../src/forecast/backtest/series.ts";
import { chooseModels } from "../../src/forecast/select.ts";
import {
  ANCHOR_SAMPLE_SIZE,
  anchorSample,
  pooledAnchors,
  pooledAnchorsWithout,
} from "../../src/forecast/select/anchor.ts";
import { pooledRmsse } from "../../src/forecast/metrics.ts";
import { overlapPairs, pairedT } from "../../src/forecast/select/evidence.ts";
import { autoBacktest } from "../../src/forecast/auto_score.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const H = 14;

/** A window whose forecast is `level` every day against the given actuals. */
function window(cutoff: number, actual: number[], level: number, mse = 1): BacktestWindow {
  const mean = new Float64Array(H).fill(level);
  return {
    cutoff,
    forecast: { mean, lo80: mean, hi80: mean, lo95: mean, hi95: mean },
    actual: Float64Array.from(actual),
    scales: { mae: Math.sqrt(mse), mse },
  };
}

/** Backtests of one product: per model, its flat level per window (actuals 10 a day + `bump`). */
function product(
  id: string,
  target: "sales" | "returns",
  levels: Record<string, number[]>,
  actualOf: (k: number) => number[] = () => new Array(H).fill(10),
  mse = 1,
): SeriesBacktest[] {
  return Object.entries(levels).map(([model, perWindow]) => ({
    productId: id,
    target,
    model,
    windows: perWindow.map((level, k) => window(100 + 14 * k, actualOf(k), level, mse)),
  }));
}

Deno.test("auto keeps the model best across products unless another is clearly better here", () => {
  // Across products "a" is best; on P1 "b" is a little better on 4 windows of 5 and worse on
  // the fifth (lower RMSSE, but not clearly: t 0.2), on P2
  // "b" is better on every window by a wide margin.
  const series = [
    ...product("P1", "sales", { a: [11, 9, 11, 9, 12], b: [10.1, 9.9, 10.1, 9.9, 12.65] }),
    ...product("P2", "sales", { a: [14, 14, 15, 14, 15], b: [10.2, 9.9, 10.3, 10.1, 10.4] }),
    ...product("P3", "sales", { a: [10, 10, 11, 9, 10], b: [14, 14, 14, 14, 14] }),
    ...product("P4", "sales", { a: [10, 11, 10, 10, 9], b: [16, 15, 16, 14, 16] }),
  ];
  const anchors = pooledAnchors(series);
  assertEquals(anchors.sales?.model, "a");
  const choices = chooseModels(series);
  const of = (id: string) => choices.find((c) => c.productId === id)!;
  assertEquals(of("P1").model, "a", of("P1").reason);
  assert(of("P1").reason.includes("no model was clearly better"), of("P1").reason);
  assertEquals(of("P2").model, "b", of("P2").reason);
  assert(of("P2").reason.startsWith("clearly better than a"), of("P2").reason);
  // The old per-product rule would have taken b on P1 too (its own RMSSE is lower there).
  const rmsse = (m: string) => of("P1").ranking.find((r) => r.model === m)!.metrics.rmsse;
  assert(rmsse("b") < rmsse("a"), "b looked better on P1's windows");
});

Deno.test("a better RMSSE alone is not enough: the 7-day totals must be clearly better too", () => {
  // "b" has the right level but a bad weekday shape: its daily errors are smaller than a's
  // level error, its 7-day totals no better.
  const shaped = (level: number) =>
    Array.from({ length: H }, (_, h) => level * (h % 2 ? 1.6 : 0.4));
  const series = [
    ...product("P1", "sales", { a: [10, 10, 10, 10, 10], b: [10, 10, 10, 10, 10] }),
    ...product("P2", "sales", { a: [10, 10, 10, 10, 10], b: [20, 20, 20, 20, 20] }),
  ];
  // P3: actuals alternate 4/16 around 10; "a" (flat 10) is exact in 7-day totals, "c" follows
  // the daily shape but runs 10 % high.
  const alternating = () => shaped(10);
  const p3a = product("P3", "sales", { a: [10, 10, 10, 10, 10] }, alternating);
  const p3c: SeriesBacktest = {
    productId: "P3",
    target: "sales",
    model: "b",
    windows: [0, 1, 2, 3, 4].map((k) => {
      const w = window(100 + 14 * k, shaped(10), 0);
      const mean = Float64Array.from(shaped(11));
      return { ...w, forecast: { mean, lo80: mean, hi80: mean, lo95: mean, hi95: mean } };
    }),
  };
  const choices = chooseModels([...series, ...p3a, p3c]);
  const p3 = choices.find((c) => c.productId === "P3")!;
  const ranking = Object.fromEntries(p3.ranking.map((r) => [r.model, r.metrics]));
  assert(ranking.b.rmsse < ranking.a.rmsse, "b has the lower RMSSE on P3");
  assert(ranking.b.wape_week > ranking.a.wape_week, "but worse 7-day totals");
  assertEquals(p3.model, "a", p3.reason);
});

Deno.test("returns are forecast as zero where no model clearly beats forecasting none, and it says so", () => {
  const lumpy = (k: number) => Array.from({ length: H }, (_, h) => (k === 2 && h === 3 ? 60 : 0));
  const steady = () => new Array(H).fill(10);
  const series = [
    // Lumpy returns: one cancellation in one window; lag forecasts a few every day.
    ...product("L1", "returns", { zero: [0, 0, 0, 0, 0], lag: [6, 6, 6, 6, 6] }, lumpy),
    ...product("L2", "returns", { zero: [0, 0, 0, 0, 0], lag: [5, 6, 6, 6, 5] }, lumpy),
    ...product("L3", "returns", { zero: [0, 0, 0, 0, 0], lag: [6, 7, 6, 6, 6] }, lumpy),
    // Steady returns (in-sample errors of 20 squared units a day): lag is right, zero is not.
    ...product(
      "S1",
      "returns",
      { zero: [0, 0, 0, 0, 0], lag: [10, 9.5, 10.5, 10, 9.8] },
      steady,
      20,
    ),
  ];
  assertEquals(pooledAnchors(series).returns?.model, "zero");
  const choices = chooseModels(series);
  for (const id of ["L1", "L2", "L3"]) {
    const c = choices.find((x) => x.productId === id)!;
    assertEquals(c.model, "zero", c.reason);
    assert(c.reason.startsWith("no returns forecast"), c.reason);
  }
  const s1 = choices.find((x) => x.productId === "S1")!;
  assertEquals(s1.model, "lag", s1.reason);
  // Where returns come every day for every product, lag is the anchor and keeps its lead.
  const daily = [
    ...product("D1", "returns", { zero: [0, 0, 0, 0, 0], lag: [10, 9.5, 10.5, 10, 9.8] }, steady),
    ...product("D2", "returns", { zero: [0, 0, 0, 0, 0], lag: [9, 10.5, 10, 10.2, 9.9] }, steady),
  ];
  assertEquals(pooledAnchors(daily).returns?.model, "lag");
  assert(chooseModels(daily).every((c) => c.model === "lag"));
});

Deno.test("auto's honest score decides each window on the other windows only", () => {
  // On P2, "b" is clearly better on four windows and far off on the fifth: the fifth window's
  // choice is made on the other four (b), so auto takes b's bad forecast there; windows 1–4 are
  // decided with the bad window in view, where b is no longer clearly better (a is taken).
  const series = [
    ...product("P1", "sales", { a: [10, 10.5, 9.5, 10, 10], b: [13, 13, 13, 13, 13] }),
    ...product("P2", "sales", { a: [13, 13, 13, 13, 13], b: [10.1, 9.9, 10, 10.2, 30] }),
  ];
  const auto = autoBacktest(series).find((s) => s.productId === "P2")!;
  const levels = auto.windows.map((w) => w.forecast.mean[0]);
  assertEquals(levels, [13, 13, 13, 13, 30]);
});

Deno.test("the anchor's sample: every product up to the cap, else a fixed hash sample", () => {
  const few = ["B", "A", "C"];
  assertEquals([...anchorSample(few)].sort(), ["A", "B", "C"]);
  const many = Array.from({ length: 500 }, (_, i) => `SKU${i}`);
  const sample = anchorSample(many);
  assertEquals(sample.size, ANCHOR_SAMPLE_SIZE);
  assertEquals([...anchorSample([...many].reverse())].sort(), [...sample].sort(), "order-free");
  assert(pairedT([5, 5, 5], [1, 1, 1]) === Infinity, "better by the same amount every window");
  assertEquals(pairedT([1, 1, 1], [5, 5, 5]), 0);
});

Deno.test("windows that share days count as less evidence than independent ones", () => {
  // Five 14-day windows 7 days apart share half their days with each neighbour.
  const windows = [0, 1, 2, 3, 4].map((k) => window(100 + 7 * k, new Array(H).fill(10), 10));
  // Neighbours share half their days, windows 14 days apart none.
  assertEquals(overlapPairs(windows.slice(0, 2)), 1 + 1 + 0.5 + 0.5);
  assertEquals(overlapPairs([windows[0], windows[2]]), 2);
  assertEquals(overlapPairs(windows), 9);
  const anchor = [5, 6, 4, 7, 5];
  const model = [3, 3, 3, 3, 3];
  const independent = pairedT(anchor, model);
  const shared = pairedT(anchor, model, overlapPairs(windows));
  // Σρ = 5 + 2 × 4 × 0.5 = 9 pairs' worth instead of 5: t shrinks by √(9/5).
  assert(Math.abs(independent / shared - Math.sqrt(9 / 5)) < 1e-12, `${independent} ${shared}`);
});

Deno.test("anchors with each window left out are those pooled on the other windows, to the bit", () => {
  // Uneven products: closed days, a model missing a window, a product whose only window of a
  // model is the one left out (it drops out of that pool), and returns beside sales.
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const series: SeriesBacktest[] = [];
  for (let p = 0; p < 12; p++) {
    for (const target of ["sales", "returns"] as const) {
      for (const model of ["a", "b", "c"]) {
        const windows = [0, 1, 2, 3, 4].map((k) => {
          const actual = Array.from({ length: H }, () => Math.round(20 * random()));
          const w = window(100 + 14 * k, actual, 8 + 4 * random(), 0.5 + random());
          return p % 3 === 0
            ? { ...w, open: Uint8Array.from(actual, (_, h) => h % 7 === 6 ? 0 : 1) }
            : w;
        });
        const kept = p === 4 && model === "b"
          ? windows.filter((w) => w.cutoff !== 128)
          : p === 5 && model === "c"
          ? windows.filter((w) => w.cutoff === 142)
          : windows;
        series.push({ productId: `P${p}`, target, model, windows: kept });
      }
    }
  }
  const cutoffs = [100, 114, 128, 142, 156, 999];
  const without = pooledAnchorsWithout(series, cutoffs);
  for (const cutoff of cutoffs) {
    const others = series.map((s) => ({
      ...s,
      windows: s.windows.filter((w) => w.cutoff !== cutoff),
    }));
    const expected = pooledAnchors(others);
    assertEquals(without.get(cutoff), expected, `without ${cutoff}`);
    // The anchor's RMSSE is the pooled RMSSE of its windows on the products every model kept.
    for (const target of ["sales", "returns"] as const) {
      const anchor = expected[target]!;
      const ids = [...new Set(others.map((s) => s.productId))].filter((id) =>
        ["a", "b", "c"].every((m) =>
          others.some((s) =>
            s.productId === id && s.target === target && s.model === m && s.windows.length > 0
          )
        )
      );
      assertEquals(anchor.products, ids.length);
      const windowsOf = (id: string) =>
        others.find((s) => s.productId === id && s.target === target && s.model === anchor.model)!
          .windows;
      assertEquals(anchor.rmsse, pooledRmsse(ids.map(windowsOf)));
    }
  }
  assertEquals(without.get(142)!.sales!.products, 11, "P5 has no c window left without 142");
});
