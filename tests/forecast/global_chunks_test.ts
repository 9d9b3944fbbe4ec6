/**
 * The global LSTM's backtest goes through the network a chunk of products at a time (to bound
 * its memory); the windows must be those of one pass over every product, bit for bit.
 */

import { backtestGlobal } from "../../src/forecast/backtest/global.ts";
import { modelNamed } from "../../src/forecast/registry.ts";
import type { SeriesBacktest } from "../../src/forecast/backtest/series.ts";
import type { GlobalBacktestJob } from "../../src/forecast/jobs.ts";
import { workerExecutor } from "../../src/forecast/parallel/pool.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { contextFor, MONDAY, weeklySeries } from "./series_fixtures.ts";

Deno.test("the global backtest in chunks of products scores every window as one pass does", async () => {
  const series = ["A", "B", "C", "D"].map((id, k) =>
    contextFor("sales", weeklySeries(160, 20 + 10 * k, k + 1), undefined, id)
  );
  // A young product in the last chunk: its first window asks for a network at the second cutoff.
  series.push({
    ...contextFor("sales", weeklySeries(150, 25, 7), undefined, "E"),
    start: MONDAY + 10,
  });
  const plan = {
    horizon: 14,
    cutoffs: [MONDAY + 120, MONDAY + 127, MONDAY + 134],
    refitEvery: 4,
    networkRefitEvery: 0,
    intervals: "past-windows" as const,
  };
  const model = modelNamed("lstm-global");
  const run = (chunk: number, scored?: ReadonlySet<string>) =>
    backtestGlobal(model, series, plan, { seed: 3, chunk, ...(scored ? { scored } : {}) });
  const numbers = (results: SeriesBacktest[]) =>
    results.map((r) => [
      r.productId,
      r.windows.map((w) => [w.cutoff, ...w.forecast.mean, ...w.forecast.lo80, ...w.forecast.hi95]),
    ]);
  const whole = await run(100);
  assertEquals(whole.map((r) => r.windows.length), [3, 3, 3, 3, 2]);
  assert(whole.every((r) => r.windows.every((w) => w.forecast.mean.some((v) => v > 0))));
  assertEquals(numbers(await run(2)), numbers(whole), "chunks of two");
  assertEquals(numbers(await run(1)), numbers(whole), "one product at a time");
  const own = new Set(["B", "E"]);
  assertEquals(
    numbers(await run(1, own)),
    numbers(whole.filter((r) => own.has(r.productId))),
    "a shard's products, chunked",
  );
});

Deno.test("a global backtest on a worker hands its windows over chunk by chunk, as scored", async () => {
  const series = ["A", "B", "C"].map((id, k) =>
    contextFor("sales", weeklySeries(160, 20 + 10 * k, k + 1), undefined, id)
  );
  const plan = {
    horizon: 14,
    cutoffs: [MONDAY + 120, MONDAY + 134],
    refitEvery: 4,
    networkRefitEvery: 0,
    intervals: "past-windows" as const,
  };
  const model = modelNamed("lstm-global");
  const means = (results: SeriesBacktest[]) =>
    results.map((r) => [r.productId, r.windows.map((w) => [w.cutoff, ...w.forecast.mean])]);
  // In this thread: every chunk heard in order, nothing left to return.
  const chunks: SeriesBacktest[][] = [];
  const left = await backtestGlobal(model, series, plan, {
    seed: 3,
    chunk: 2,
    onChunk: (done) => chunks.push(done),
  });
  assertEquals(left, []);
  assertEquals(chunks.map((c) => c.map((r) => r.productId)), [["A", "B"], ["C"]]);
  const whole = await backtestGlobal(model, series, plan, { seed: 3 });
  assertEquals(means(chunks.flat()), means(whole));
  // On a worker: the windows come over before the job ends (heard with the series), the job's
  // result is them, and the numbers are this thread's.
  const job: GlobalBacktestJob = {
    kind: "backtest-global",
    model: model.name,
    series,
    plan,
    seed: 3,
  };
  const pool = workerExecutor(1);
  try {
    const heard: string[][] = [];
    const [result] = await pool.run([job], (_job, got) => heard.push(got.map((r) => r.productId)));
    assertEquals(heard, [["A", "B", "C"], []], "the scored chunk, then the (empty) end");
    assertEquals(means(result), means(whole));
  } finally {
    pool.close();
  }
});
