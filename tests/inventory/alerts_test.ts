import { raiseAlerts } from "../../src/inventory/alerts/raise.ts";
import { risingReturnRate } from "../../src/inventory/alerts/rules/rising_return_rate.ts";
import { ALERT_DEFAULTS } from "../../src/config/plan_options.ts";
import type { ProductPlan } from "../../src/inventory/plan.ts";
import type { ProductSeries } from "../../src/data/series.ts";
import type { DatasetForecast } from "../../src/forecast/dataset/results.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const START = 19358;

function product(sales: number[], returns: number[], filledDays = 0, id = "P1"): ProductSeries {
  return {
    id,
    start: START,
    sales: Float64Array.from(sales),
    returns: Float64Array.from(returns),
    filledDays,
  };
}

function plan(recommended: number[], order?: ProductPlan["order"], reorderPoint = 0): ProductPlan {
  const levels = { expectedNetDemand: 0, safetyStock: 0, reorderPoint, orderUpTo: 100 };
  return {
    productId: "P1",
    policy: "cycle-service",
    leadTime: 7,
    basis: { samples: 0, poolWeight: 0, demandClass: "", sigma: 0 },
    levels,
    firstDay: START + 90,
    daily: {
      sales: new Float64Array(recommended.length),
      returns: new Float64Array(recommended.length),
      recommended: Float64Array.from(recommended),
    },
    ...(order ? { order } : {}),
  };
}

const noForecast: DatasetForecast = { results: new Map() };

function rules(p: ProductSeries, pl?: ProductPlan, dropped?: Map<string, number>) {
  return raiseAlerts({
    set: { source: "t", products: [p] },
    forecast: noForecast,
    plans: pl ? [pl] : [],
    thresholds: ALERT_DEFAULTS,
    droppedMegaOrders: dropped,
  }).map((a) => a.rule);
}

const steady = (days: number, value: number) => new Array(days).fill(value);

Deno.test("return rate: fires at 15 %, not at 14.9 %", () => {
  assert(rules(product(steady(90, 100), steady(90, 15))).includes("high-return-rate"));
  assert(!rules(product(steady(90, 1000), steady(90, 149))).includes("high-return-rate"));
});

Deno.test("volatile sales: fires when sd reaches 50 % of the mean, not below", () => {
  // alternating 50 ± d: mean 50, sample sd = d × √(90/89)
  const alternating = (d: number) =>
    Array.from({ length: 90 }, (_, i) => (i % 2 ? 50 + d : 50 - d));
  const at = 25 / Math.sqrt(90 / 89);
  assert(rules(product(alternating(at + 1e-9), steady(90, 0))).includes("volatile-sales"));
  assert(!rules(product(alternating(at - 0.01), steady(90, 0))).includes("volatile-sales"));
});

Deno.test("inventory peak: fires at 1.5 × the mean, not below", () => {
  const p = product(steady(90, 10), steady(90, 0));
  // levels 1,1,1,1.5·mean? mean of [x, 1, 1, 1] = (x+3)/4; x = 1.5 (x+3)/4 → x = 1.8
  assert(rules(p, plan([1.8, 1, 1, 1])).includes("inventory-peak"));
  assert(!rules(p, plan([1.79, 1, 1, 1])).includes("inventory-peak"));
});

Deno.test("intermittent demand: fires at 50 % zero days", () => {
  const half = Array.from({ length: 90 }, (_, i) => (i % 2 ? 3 : 0));
  assert(rules(product(half, steady(90, 0))).includes("intermittent-demand"));
  const fewer = Array.from({ length: 90 }, (_, i) => (i % 2 || i === 0 ? 3 : 0));
  assert(!rules(product(fewer, steady(90, 0))).includes("intermittent-demand"));
});

Deno.test("a rising return rate beyond noise fires; the same rate throughout does not", () => {
  const sales = steady(200, 100);
  const rising = [...steady(172, 5), ...steady(28, 12)];
  const flat = steady(200, 5);
  const measured = risingReturnRate(product(sales, rising))!;
  assertEquals(measured.recent.toFixed(2), "0.12");
  assert(measured.z > 3, `z ${measured.z}`);
  assert(rules(product(sales, rising)).includes("rising-return-rate"));
  assert(!rules(product(sales, flat)).includes("rising-return-rate"));
});

Deno.test("data quality and stockout risk carry their numbers", () => {
  const p = product(steady(90, 10), steady(90, 0), 4);
  const alerts = raiseAlerts({
    set: { source: "t", products: [p] },
    forecast: noForecast,
    plans: [plan(steady(10, 50), { onHand: 10, onOrder: 5, quantity: 85 }, 40)],
    thresholds: ALERT_DEFAULTS,
    droppedMegaOrders: new Map([["P1", 1]]),
  });
  assertEquals(alerts[0].rule, "stockout-risk", "high severity first");
  assertEquals(alerts[0].severity, "high");
  assert(
    alerts[0].message.includes("15 units") && alerts[0].message.includes("40"),
    alerts[0].message,
  );
  assert(alerts[0].action.includes("order 85 units"), alerts[0].action);
  const quality = alerts.filter((a) => a.rule === "data-quality").map((a) => a.message);
  assert(quality.some((m) => m.includes("4 missing days")), quality.join());
  assert(quality.some((m) => m.includes("mega-order")), quality.join());
  // not at the reorder point exactly: 40 on hand + on order is enough
  const fine = plan(steady(10, 50), { onHand: 40, onOrder: 0, quantity: 60 }, 40);
  assert(!rules(product(steady(90, 10), steady(90, 0)), fine).includes("stockout-risk"));
});
