/** Closed days, intermittent demand and outliers, on small constructed series. */

import { detectCalendar } from "../../src/data/calendar.ts";
import { parseIsoDay, weekday } from "../../src/data/dates.ts";
import type { ProductSeries } from "../../src/data/series.ts";
import { contextOf, fromLaunch } from "../../src/forecast/context.ts";
import { forecast } from "../../src/forecast/forecast.ts";
import { movingAverageModel } from "../../src/forecast/registry.ts";
import { etsModel } from "../../src/forecast/registry.ts";
import { runBacktest } from "../../src/forecast/dataset/backtest.ts";
import { planBacktest } from "../../src/forecast/backtest/plan.ts";
import { createRandom } from "../../src/util/random.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const START = parseIsoDay("2023-01-02")!;
const SATURDAY = 5;

function product(id: string, sales: Float64Array): ProductSeries {
  return { id, start: START, sales, returns: new Float64Array(sales.length), filledDays: 0 };
}

function shopWithSaturdaysClosed(days: number): ProductSeries[] {
  const random = createRandom(3);
  return ["A", "B"].map((id) =>
    product(
      id,
      Float64Array.from(
        { length: days },
        (_, i) => (weekday(START + i) === SATURDAY ? 0 : random.poisson(30)),
      ),
    )
  );
}

Deno.test("forecasts are 0 on closed days ahead and the history's zeros there are not demand", async () => {
  const set = { source: "t", products: shopWithSaturdaysClosed(140) };
  const calendar = detectCalendar(set);
  const context = contextOf(set.products[0], "sales", calendar, 14);
  const result = await forecast(movingAverageModel, context, { horizon: 14, seed: 1 });
  for (let h = 0; h < 14; h++) {
    const day = START + 140 + h;
    if (weekday(day) === SATURDAY) assertEquals(result.hi95[h], 0, "closed: 0");
    else assert(result.mean[h] > 25 && result.mean[h] < 35, `open day ${h}: ${result.mean[h]}`);
  }
});

Deno.test("closed days are left out of the backtest scores", async () => {
  const set = { source: "t", products: shopWithSaturdaysClosed(140) };
  const calendar = detectCalendar(set);
  const plan = planBacktest(
    { horizon: 14, windows: 2, step: 14, refitEvery: 1 },
    START,
    START + 139,
  );
  const result = await runBacktest(set, { plan, models: ["ma28"], seed: 1, calendar });
  const window = result.series[0].windows[0];
  const saturdays = Array.from(window.open!).filter((v) => v === 0).length;
  assertEquals(saturdays, 2, "two Saturdays in 14 days are marked closed");
});

Deno.test("an isolated 20× spike in training does not wreck the forecast", async () => {
  const random = createRandom(9);
  const sales = Float64Array.from({ length: 120 }, () => random.poisson(20));
  sales[110] = 400; // one wholesale order
  const set = {
    source: "t",
    products: [product("A", sales), product("B", Float64Array.from(sales, (v) => v + 5))],
  };
  const calendar = detectCalendar(set);
  const cleaned = await forecast(etsModel, contextOf(set.products[0], "sales", calendar, 7), {
    horizon: 7,
    seed: 1,
  });
  const raw = await forecast(etsModel, contextOf(set.products[0], "sales"), {
    horizon: 7,
    seed: 1,
  });
  const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
  assert(
    Math.abs(mean(cleaned.mean) - 20) < 4,
    `cleaned forecast ${mean(cleaned.mean)} stays near 20`,
  );
  assert(mean(raw.mean) > mean(cleaned.mean), "without cleaning the spike pulls the forecast up");
});

Deno.test("auto picks an intermittent model for intermittent demand", async () => {
  const random = createRandom(4);
  const sparse = Float64Array.from(
    { length: 300 },
    () => (random.uniform() < 0.15 ? 1 + random.poisson(6) : 0),
  );
  const set = { source: "t", products: [product("I", sparse)] };
  const plan = planBacktest(
    { horizon: 28, windows: 4, step: 28, refitEvery: 1 },
    START,
    START + 299,
  );
  const result = await runBacktest(set, {
    plan,
    models: ["naive", "snaive7", "croston", "tsb"],
    seed: 1,
  });
  const choice = result.choices.find((c) => c.target === "sales")!;
  assert(["croston", "tsb"].includes(choice.model), `chosen ${choice.model}: ${choice.reason}`);
});

Deno.test("a product is forecast from its launch, not from the days before it existed", () => {
  const sales = Float64Array.from({ length: 100 }, (_, i) => (i < 60 ? 0 : 10));
  const launched = fromLaunch(product("N", sales));
  assertEquals(launched.start, START + 60);
  assertEquals(launched.sales.length, 40);
  assertEquals(
    fromLaunch(product("Z", new Float64Array(10))).sales.length,
    10,
    "never sold: kept whole",
  );
});
