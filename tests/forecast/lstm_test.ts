/** What makes our LSTM worth having: it keeps the weekly shape, and it is reproducible. */

import { generateSynthetic } from "../../src/data/synthetic.ts";
import { parseIsoDay, weekday } from "../../src/data/dates.ts";
import { contextOf } from "../../src/forecast/context.ts";
import { type ForecastJob, type ForecastOutcome, runJob } from "../../src/forecast/jobs.ts";
import { workerExecutor } from "../../src/forecast/parallel/pool.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const set = generateSynthetic({
  products: 1,
  days: 730,
  start: parseIsoDay("2023-01-01")!,
  seed: 42,
});
const product = set.products[0];

function spread(values: ArrayLike<number>, firstDay: number): number {
  const sums = new Array(7).fill(0);
  const counts = new Array(7).fill(0);
  for (let i = 0; i < values.length; i++) {
    sums[weekday(firstDay + i)] += values[i];
    counts[weekday(firstDay + i)]++;
  }
  const means = sums.map((s, d) => s / counts[d]);
  return Math.max(...means) - Math.min(...means);
}

const jobFor = (model: string): ForecastJob => ({
  kind: "forecast",
  model,
  history: contextOf({
    ...product,
    sales: product.sales.slice(0, 702),
    returns: product.returns.slice(0, 702),
  }, "sales"),
  horizon: 28,
  seed: 11,
});

Deno.test("lstm keeps the weekly shape over 28 days instead of flat-lining", async () => {
  const ours = await runJob(jobFor("lstm")) as ForecastOutcome;
  const firstDay = product.start + 702;
  const truth = product.expectedSales!.slice(702, 730);
  const ratio = spread(ours.forecast.mean, firstDay) / spread(truth, firstDay);
  assert(ratio >= 0.5, `weekday spread of the forecast is ${ratio.toFixed(2)} × the truth's`);
});

Deno.test("lstm gives the same numbers for the same seed, in this thread or in a worker", async () => {
  const here = await runJob(jobFor("lstm")) as ForecastOutcome;
  const executor = workerExecutor(1);
  try {
    const [there] = await executor.run([jobFor("lstm")]);
    assertEquals(Array.from(there.forecast.mean), Array.from(here.forecast.mean));
    assertEquals(Array.from(there.forecast.hi95), Array.from(here.forecast.hi95));
  } finally {
    executor.close();
  }
});
