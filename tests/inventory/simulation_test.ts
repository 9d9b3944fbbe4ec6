// The honest replay: one product by hand, and the whole simulation with order constraints.
import { replayProduct } from "../../src/inventory/simulation/replay.ts";
import { simulatePolicies } from "../../src/inventory/simulation/simulate.ts";
import { layoutOf, planningTables } from "../../src/inventory/pipeline.ts";
import { planningBacktest } from "../../src/inventory/planning/layout.ts";
import { forecastDataset } from "../../src/forecast/dataset/forecast.ts";
import { generateSynthetic } from "../../src/data/synthetic.ts";
import { POLICY_DEFAULTS } from "../../src/config/plan_options.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const base = {
  firstReview: 0,
  measureFrom: 0,
  leadTime: 1,
  reviewPeriod: 2,
  restockRate: 0.5,
  holdingCost: 1,
  shortageCost: 2,
};

Deno.test("replay: first stocking, orders after L, lost sales, returns at the end of the day", () => {
  // S = 25. Day 0: stocked 25, 10 sold → 15. Day 1: → 5. Day 2: order 20 (25 − 5), 5 sold, 5 lost
  // → 0. Day 3: +20 → 10 sold → 10, + ½ × 4 returned → 12.
  const tally = replayProduct({
    ...base,
    demand: [10, 10, 10, 10],
    returns: [0, 0, 0, 4],
    orderUpTo: () => 25,
    recordOrders: true,
  });
  assertEquals([tally.demand, tally.served, tally.stockoutDays], [40, 35, 1]);
  assertEquals(tally.onHandDays, 15 + 5 + 0 + 12);
  assertEquals([tally.holdingCost, tally.shortageCost], [32, 10]);
  assertEquals(tally.orders, [{ day: 2, quantity: 20 }]);
  // Returns count only up to units sold and not yet returned: none sold before, 4 returned on
  // day 0 put nothing back.
  const capped = replayProduct({
    ...base,
    demand: [0, 0],
    returns: [4, 0],
    orderUpTo: () => 0,
    returnable: 0,
  });
  assertEquals(capped.onHandDays, 0);
});

Deno.test("replay: a warm-up is not counted, a constraint rounds every order", () => {
  const tally = replayProduct({
    ...base,
    measureFrom: 2,
    demand: [7, 7, 7, 7, 7, 7],
    returns: [0, 0, 0, 0, 0, 0],
    orderUpTo: () => 21,
    constraint: { casePack: 5, minOrder: 12 },
    recordOrders: true,
  });
  assertEquals(tally.days, 4);
  assertEquals(tally.demand, 28);
  assert(tally.orders.length > 0);
  for (const order of tally.orders) assert(order.quantity % 5 === 0 && order.quantity >= 15);
});

Deno.test("simulation: every order of every policy is whole case packs and at least the minimum", async () => {
  const set = generateSynthetic({ products: 3, days: 420, start: 19358, seed: 3 });
  const constraints = new Map([
    ["P001", { casePack: 48, minOrder: 200 }],
    ["P002", { casePack: 12, minOrder: 0, leadTime: 10 }],
  ]);
  const settings = POLICY_DEFAULTS;
  const layout = layoutOf(set, settings, constraints);
  const forecast = await forecastDataset(set, {
    seed: 1,
    candidates: ["snaive7", "ma28", "lag"],
    horizon: layout.horizon,
    model: "auto",
    backtest: { plan: planningBacktest(layout), salesForReturns: "honest" },
  });
  const { tables, decisions } = planningTables(set, forecast, settings, undefined, constraints);
  assertEquals(tables.map((t) => t.leadTime), [7, 10, 7]);
  const { result, tallies } = simulatePolicies({
    tables,
    span: layout.replay!,
    settings,
    decisions,
    constraints,
    recordOrders: true,
  });
  assertEquals(result.parameters.order_constraints, 2);
  let checked = 0;
  for (const [name, list] of Object.entries(tallies.byPolicy)) {
    list.forEach((tally, p) => {
      const rule = constraints.get(tables[p].product.id) ?? { casePack: 1, minOrder: 0 };
      for (const order of tally!.orders) {
        checked++;
        assert(
          order.quantity % rule.casePack === 0 && order.quantity >= rule.minOrder,
          `${name} ${tables[p].product.id}: ${order.quantity}`,
        );
      }
    });
  }
  assert(checked > 100, `${checked} orders checked`);
});
