/**
 * The worker pool: batches handed to it may overlap (a network trains while this thread prepares
 * the next batch), and each batch still gets its own results, in its own order, the numbers this
 * thread computes; a failing job fails its batch only.
 */

import { inlineExecutor, workerExecutor } from "../../src/forecast/parallel/pool.ts";
import type { BacktestJob } from "../../src/forecast/jobs.ts";
import { planBacktest } from "../../src/forecast/backtest/plan.ts";
import { contextOf } from "../../src/forecast/context.ts";
import { generateSynthetic } from "../../src/data/synthetic.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import { assert, assertEquals, assertRejects } from "../helpers/assert.ts";

const set = generateSynthetic({
  products: 4,
  days: 200,
  start: parseIsoDay("2023-01-01")!,
  seed: 9,
});
const plan = planBacktest(
  { horizon: 14, windows: 3, step: 14, refitEvery: 1 },
  set.products[0].start,
  set.products[0].start + 199,
);

/** A backtest job of `models` on product `i`'s `target`. */
function job(i: number, models: string[], target: "sales" | "returns" = "sales"): BacktestJob {
  return {
    kind: "backtest",
    models,
    series: contextOf(set.products[i], target),
    plan,
    seed: 1,
  };
}

/** The forecast means of a batch's results, as plain numbers. */
function means(results: { windows: { forecast: { mean: Float64Array } }[] }[][]) {
  return results.map((series) =>
    series.map((one) => one.windows.map((w) => Array.from(w.forecast.mean)))
  );
}

Deno.test("overlapping batches on the workers each get their own results, in order", async () => {
  const first = [0, 1, 2, 3].map((i) => job(i, ["ets", "theta"]));
  const second = [3, 2, 1, 0].map((i) => job(i, ["ma28", "naive"], "returns"));
  const here = inlineExecutor();
  const expected = [means(await here.run(first)), means(await here.run(second))];
  const pool = workerExecutor(2);
  try {
    assert(pool.concurrent, "the pool takes overlapping batches");
    const heard: string[] = [];
    // The first batch is not awaited before the second is handed over.
    const a = pool.run(first, (j) => heard.push(`a ${j.series.productId}`));
    const b = pool.run(second, (j) => heard.push(`b ${j.series.productId}`));
    const [resultsA, resultsB] = await Promise.all([a, b]);
    assertEquals([means(resultsA), means(resultsB)], expected);
    assertEquals(resultsB.map((r) => r[0].productId), ["P004", "P003", "P002", "P001"]);
    assertEquals(heard.length, 8, "every finished job is heard once");
  } finally {
    pool.close();
  }
});

Deno.test("a failing job fails its batch and drops its waiting jobs; the next batch runs", async () => {
  const pool = workerExecutor(1);
  try {
    let heard = 0;
    await assertRejects(
      () =>
        pool.run([job(0, ["no-such-model"]), job(1, ["naive"]), job(2, ["naive"])], () => heard++),
      Error,
      "no-such-model",
    );
    assertEquals(heard, 0, "the jobs behind the failed one were not run");
    const after = await pool.run([job(1, ["naive"])]);
    assertEquals(after[0][0].productId, "P002");
    await assertRejects(
      () =>
        pool.run([job(2, ["naive"])], () => {
          throw new Error("the caller could not keep the result");
        }),
      Error,
      "could not keep",
    );
  } finally {
    pool.close();
  }
});

Deno.test("closing the pool fails what was waiting or running, and it takes no more work", async () => {
  const pool = workerExecutor(1);
  const pending = pool.run([job(0, ["ets"]), job(1, ["ets"])]);
  pool.close();
  await assertRejects(() => pending, Error, "stopped");
  await assertRejects(() => pool.run([job(0, ["naive"])]), Error, "stopped");
});

Deno.test("a long queue hands out every job once, results in order", async () => {
  const pool = workerExecutor(2);
  try {
    const jobs = Array.from({ length: 2500 }, (_, k) => job(k % 4, ["zero"]));
    let heard = 0;
    const results = await pool.run(jobs, () => heard++);
    assertEquals(heard, 2500);
    assertEquals(
      results.map((r) => r[0].productId),
      jobs.map((j) => j.series.productId),
    );
  } finally {
    pool.close();
  }
});
