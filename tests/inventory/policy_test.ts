// Each formula against a case computed by hand.
import { errorDistribution } from "../../src/inventory/errors/empirical.ts";
import {
  expectedShortage,
  fillRateLevels,
  lostSalesShortage,
} from "../../src/inventory/policies/fill_rate.ts";
import { cycleServiceLevels } from "../../src/inventory/policies/cycle_service.ts";
import { costLevels, costMarginal, expectedCycleCost } from "../../src/inventory/policies/cost.ts";
import { criticalFractile } from "../../src/inventory/policies/fractile.ts";
import { multiplierLevels } from "../../src/inventory/policies/multiplier.ts";
import { cycleNeeds, expectedCycleDemand, solveLoss } from "../../src/inventory/policies/levels.ts";
import { feasibleAround, roundOrder } from "../../src/inventory/policies/constraints.ts";
import { findPolicy, POLICIES, policyNamed } from "../../src/inventory/policies/registry.ts";
import { originalRecommendation } from "../../src/inventory/policies/stock.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../helpers/assert.ts";
import { createRandom } from "../../src/util/random.ts";

const costs = { holding: 0.05, shortage: 1 };
// 14 days of protection: 7 of lead time (net 7) and a 7-day cycle (net 7, sales 7).
const forecast = { cycleNet: 14, leadNet: 7, cycleSales: 7, original: 14, originalLead: 7 };
// Two equally likely outcomes: the forecast is right, or the cycle brings 7 more.
const twoWay = errorDistribution([{ cycle: 0, lead: 0 }, { cycle: 7, lead: 0 }]);
const wide = { cycleNet: 100, leadNet: 50, cycleSales: 50, original: 100, originalLead: 50 };

Deno.test("loss function: E[(e − q)⁺] and the periodic-review shortage (hand-computed)", () => {
  const errors = errorDistribution([{ cycle: 10, lead: 8 }, { cycle: -10, lead: -4 }]);
  // q = 0: only the first sample is short, by 10 → ½·10.
  assertAlmostEquals(expectedShortage(wide, errors, 0), 5);
  // q = −45 (S = 55): sample 1 short 55 by the end, 3 of them already by the end of L (58 − 55);
  // sample 2 short 35, none by the end of L → ½·52 + ½·35.
  assertAlmostEquals(expectedShortage(wide, errors, -45), 43.5);
});

Deno.test("fill rate without a position: the loss within (1 − β) × expected demand", () => {
  const errors = errorDistribution([-20, -10, 0, 10, 20].map((cycle) => ({ cycle })));
  // Allowed 5 % of 50 = 2.5; between 10 and 20 the loss is (10 − q + 20 − q) / 5 → q = 8.75.
  const s = fillRateLevels(wide, errors, 0.95);
  assertAlmostEquals(s.safetyStock, 8.75, 1e-4);
  assertAlmostEquals(s.orderUpTo, 108.75, 1e-4);
  assertAlmostEquals(s.expectedShortage, 2.5, 1e-4);
  // A higher target needs more stock.
  assert(fillRateLevels(wide, errors, 0.98).orderUpTo > s.orderUpTo);
  assertThrows(() => fillRateLevels(wide, errors, 1), RangeError, "(0, 1)");
});

Deno.test("fill rate at a known stock position, lost sales (hand-computed)", () => {
  // Expected cycle demand 7 + mean(0, 7) = 10.5; β = 0.9 allows 1.05 units short.
  assertAlmostEquals(expectedCycleDemand(forecast, twoWay), 10.5);
  // Position 0: nothing left when the order arrives; ½(7 − Q)⁺ + ½(14 − Q)⁺ = 1.05 → Q = 11.9.
  assertEquals(Array.from(cycleNeeds(forecast, twoWay, 0)), [7, 14]);
  const s = fillRateLevels(forecast, twoWay, 0.9, 0);
  assertAlmostEquals(s.orderUpTo, 11.9, 1e-6);
  assertAlmostEquals(lostSalesShortage(forecast, twoWay, 0, 11.9), 1.05, 1e-9);
  // Position 10: 3 units are left after the lead time's 7 → Q = 8.9, S = 18.9.
  assertAlmostEquals(fillRateLevels(forecast, twoWay, 0.9, 10).orderUpTo, 18.9, 1e-6);
  // The loss solver itself: ½(10 − Q)⁺ + ½(30 − Q)⁺ = 4 at Q = 22; nothing allowed → the max.
  assertEquals(solveLoss([10, 30], [0.5, 0.5], 4), 22);
  assertEquals(solveLoss([10, 30], [0.5, 0.5], 0), 30);
});

/** The loss solver the plain way: every value sorted, largest first (ties by index). */
function sortedSolveLoss(values: number[], weight: number[], allowed: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  let mass = 0;
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    if (values[order[k]] <= 0) break;
    mass += weight[order[k]];
    total += weight[order[k]] * values[order[k]];
    const q = (total - allowed) / mass;
    if (q >= (k + 1 < order.length ? Math.max(0, values[order[k + 1]]) : 0)) return Math.max(0, q);
  }
  return 0;
}

Deno.test("loss solver: walking the largest needs first gives the full sort's answer bit for bit", () => {
  const random = createRandom(9);
  for (let trial = 0; trial < 2000; trial++) {
    const n = 1 + Math.floor(random.uniform() * 400);
    // Rounded needs (many ties) with unequal weights, some all below zero, any allowance.
    const values = Array.from({ length: n }, () => Math.round(random.normal() * 6 + (trial % 5)));
    const raw = Array.from({ length: n }, () => 0.5 + random.uniform());
    const sum = raw.reduce((a, b) => a + b, 0);
    const weight = raw.map((w) => w / sum);
    const allowed = trial % 7 === 0 ? 0 : random.uniform() * (trial % 3 === 0 ? 10 : 0.5);
    assertEquals(
      Object.is(solveLoss(values, weight, allowed), sortedSolveLoss(values, weight, allowed)),
      true,
      `trial ${trial}`,
    );
  }
});

Deno.test("cycle service: the α-quantile of the errors and of the needs (hand-computed)", () => {
  const errors = errorDistribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((cycle) => ({ cycle })));
  // The 0.8-quantile of ten equal errors is the 8th (cumulative weight 0.8), 0.81 the 9th.
  assertEquals(cycleServiceLevels(wide, errors, 0.8).orderUpTo, 108);
  assertEquals(cycleServiceLevels(wide, errors, 0.81).orderUpTo, 109);
  // At a position: the quantile of what the order must cover (needs 7 and 14, ½ each).
  assertEquals(cycleServiceLevels(forecast, twoWay, 0.5, 0).orderUpTo, 7);
  assertEquals(cycleServiceLevels(forecast, twoWay, 0.6, 0).orderUpTo, 14);
});

Deno.test("critical fractile p / (p + h·R) (hand-computed)", () => {
  assertAlmostEquals(criticalFractile(costs, 7), 1 / 1.35);
  assertAlmostEquals(criticalFractile(costs, 1), 1 / 1.05);
  assertAlmostEquals(criticalFractile({ holding: 1, shortage: 3 }, 2), 0.6);
  assertThrows(() => criticalFractile(costs, 0), RangeError, "review period");
  assertThrows(() => criticalFractile({ holding: 0, shortage: 0 }, 7), RangeError, "costs");
});

Deno.test("cost marginal and cycle cost: holding while stock lasts against sales saved", () => {
  const one = (available: number) =>
    costMarginal(Float64Array.of(10), Float64Array.of(10), Float64Array.of(1), available, costs, 7);
  // A = 5 of a demand of 10 spread over 7 days: stock remains at the end of days 1–3.
  assertAlmostEquals(one(5), 0.05 * 3 - 1);
  // A = 10: stock at the end of days 1–6, nothing lost.
  assertAlmostEquals(one(10), 0.05 * 6);
  // End-of-day stock 5 − 10j/7 for j = 1…3 (45/7 unit-days), 5 units lost.
  const cost = expectedCycleCost(
    Float64Array.of(10),
    Float64Array.of(10),
    Float64Array.of(1),
    5,
    costs,
    7,
  );
  assertAlmostEquals(cost, 0.05 * (45 / 7) + 5, 1e-9);
});

Deno.test("cost policy: the marginal solution, below the fractile p/(p + hR)", () => {
  // Position 0: below Q = 14 the second outcome still loses sales: ½·0.35 + ½·(0.3 − 1) < 0.
  assertAlmostEquals(costLevels(forecast, twoWay, costs, 7, 0).orderUpTo, 14, 1e-4);
  // Holding a day costs as much as a lost sale: just above 2 units the next unit sits ≥ 2 days in
  // the first outcome (cost 2, saves 1) and 1 day in the second (cost 1, saves 1).
  const dear = costLevels(forecast, twoWay, { holding: 1, shortage: 1 }, 7, 0);
  assertAlmostEquals(dear.orderUpTo, 2, 1e-4);
  // With a minimum order: 0 (½·7 + ½·14 = 10.5 lost) or 30 (168 unit-days × 0.05 = 8.4): 30.
  const constraint = { casePack: 10, minOrder: 30 };
  assertEquals(costLevels(forecast, twoWay, costs, 7, 0, constraint).orderUpTo, 30);
  // Twice the holding cost (16.8 > 10.5): better to order nothing this time.
  assertEquals(
    costLevels(forecast, twoWay, { holding: 0.1, shortage: 1 }, 7, 0, constraint).orderUpTo,
    0,
  );
});

Deno.test("multiplier: the original rule, max(0, sales − returns) × factor", () => {
  assertEquals(Array.from(originalRecommendation([10, 3, 0], [2, 5, 1], 1.2)), [9.6, 0, 0]);
  const f = { ...wide, original: 18, originalLead: 8 };
  assertEquals(multiplierLevels(f, 1.5).orderUpTo, 27);
  assertEquals(multiplierLevels(f, 1.5).safetyStock, 9);
});

Deno.test("order constraints: whole case packs, at least the minimum", () => {
  assertEquals(roundOrder(13, { casePack: 12, minOrder: 0 }), 24);
  assertEquals(roundOrder(5, { casePack: 12, minOrder: 30 }), 36);
  assertEquals(roundOrder(0, { casePack: 12, minOrder: 30 }), 0);
  assertEquals(roundOrder(0.2), 1);
  assertEquals(feasibleAround(50, { casePack: 12, minOrder: 30 }), [0, 48, 60]);
  assertEquals(feasibleAround(20, { casePack: 12, minOrder: 30 }), [0, 36]);
});

Deno.test("registry: fill rate first (the default), service-level is cycle-service", () => {
  assertEquals(POLICIES.map((p) => p.id), ["fill-rate", "cycle-service", "cost", "multiplier"]);
  assertEquals(findPolicy("service-level")?.id, "cycle-service");
  assertThrows(() => policyNamed("newsvendor"), RangeError, "Unknown policy");
  // Every policy gives a level ≥ 0 for a forecast of nothing.
  const none = { cycleNet: 0, leadNet: 0, cycleSales: 0, original: 0, originalLead: 0 };
  const errors = errorDistribution([{ cycle: 0, lead: 0 }]);
  const settings = {
    leadTime: 7,
    reviewPeriod: 7,
    restockRate: 0.8,
    fillRate: 0.95,
    cycleService: 0.95,
    safetyFactor: 1.2,
    costs,
  };
  for (const p of POLICIES) {
    assertEquals(p.levels({ forecast: none, errors }, settings).orderUpTo, 0);
  }
});

Deno.test("fill rate: the replay's order-up-to shortcut is the full levels' orderUpTo, to the bit", () => {
  const random = createRandom(17);
  const shortcut = policyNamed("fill-rate").orderUpTo!;
  for (let trial = 0; trial < 500; trial++) {
    const errors = errorDistribution(
      Array.from({ length: 5 + Math.floor(random.uniform() * 200) }, () => {
        const lead = random.normal() * 5;
        return { cycle: lead + random.normal() * 8, lead, weight: 0.5 + random.uniform() };
      }),
    );
    const leadNet = random.uniform() * 40;
    const cycleNet = leadNet + random.uniform() * 40 - (trial % 9 === 0 ? 60 : 0);
    const cycleSales = Math.max(0, cycleNet - leadNet) + 3;
    const inputs = {
      forecast: { cycleNet, leadNet, cycleSales, original: cycleNet, originalLead: leadNet },
      errors,
      ...(trial % 4 === 0 ? {} : { position: random.uniform() * 80 - 10 }),
    };
    const settings = {
      leadTime: 7,
      reviewPeriod: 7,
      restockRate: 0.8,
      fillRate: [0.8, 0.9, 0.95, 0.99][trial % 4],
      cycleService: 0.95,
      safetyFactor: 1.2,
      costs,
    };
    const full = policyNamed("fill-rate").levels(inputs, settings).orderUpTo;
    assertEquals(Object.is(shortcut(inputs, settings), full), true, `trial ${trial}`);
    assertEquals(
      Object.is(
        shortcut(inputs, settings, 0.97),
        fillRateLevels(
          inputs.forecast,
          errors,
          0.97,
          inputs.position,
        ).orderUpTo,
      ),
      true,
      `trial ${trial} tuned`,
    );
  }
});
