import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";
import { RollingErrors } from "../../src/forecast/backtest/rolling_errors.ts";
import { intervalsFrom } from "../../src/forecast/intervals.ts";
import { backtestSeries } from "../../src/forecast/backtest/series.ts";
import type { BacktestPlan } from "../../src/forecast/backtest/plan.ts";
import { modelNamed } from "../../src/forecast/registry.ts";
import { runJob } from "../../src/forecast/jobs.ts";
import { contextFor, MONDAY, weeklySeries } from "./series_fixtures.ts";
import { createRandom } from "../../src/util/random.ts";

Deno.test("rolling errors: the pools of the latest windows give the intervals of sorting them afresh", () => {
  const random = createRandom(5);
  const steps = 14;
  const capacity = 40;
  // Ties, negative zeros and a NaN: the order a typed array's sort gives them must hold.
  const rows = Array.from(
    { length: 90 },
    (_, k) =>
      Float64Array.from(
        { length: steps },
        (_, h) =>
          k === 33 && h === 2 ? NaN : k % 7 === 0 ? -0 : Math.round(random.normal() * 4) / 2,
      ),
  );
  const rolling = new RollingErrors(steps, capacity);
  const mean = Float64Array.from({ length: steps }, (_, h) => 10 + h);
  for (let k = 0; k < rows.length; k++) {
    if (rolling.size === capacity) rolling.remove(rows[k - capacity]);
    rolling.add(rows[k]);
    const latest = rows.slice(Math.max(0, k + 1 - capacity), k + 1);
    const byStep = Array.from({ length: steps }, (_, h) => Float64Array.from(latest, (r) => r[h]));
    const pools = rolling.pools();
    pools.forEach((pool, h) => assertEquals([...pool], [...byStep[h].slice().sort()]));
    assertEquals(intervalsFrom(mean, pools, true), intervalsFrom(mean, byStep));
  }
  assertThrows(() => rolling.remove(Float64Array.from({ length: steps }, () => 99)), RangeError);
  assertThrows(() => rolling.add(rows[0]), RangeError, "full");
});

Deno.test("a combination's members fitted once per cutoff for a job give the windows they give alone", async () => {
  const values = weeklySeries(420, 30, 8);
  const plan: BacktestPlan = {
    horizon: 14,
    cutoffs: Array.from({ length: 16 }, (_, k) => MONDAY + 300 + 7 * k),
    refitEvery: 4,
    intervals: "past-windows",
  };
  const series = contextFor("sales", values);
  const job = (models: string[]) => runJob({ kind: "backtest", models, series, plan, seed: 1 });
  const shared = await job(["theta", "ets", "ma28y", "tsb", "combo-median"]) as {
    model: string;
  }[];
  const alone = await backtestSeries(modelNamed("combo-median"), series, plan, { seed: 1 });
  const combination = shared.find((s) => s.model === "combo-median");
  assert(combination !== undefined);
  assertEquals(combination, alone);
});
