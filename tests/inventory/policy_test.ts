import { normalCdf, normalQuantile } from "../../src/inventory/normal.ts";
import {
  criticalRatio,
  originalRecommendation,
  safetyZ,
  sumAhead,
} from "../../src/inventory/policies/stock.ts";
import { serviceLevelStock } from "../../src/inventory/policies/service_level.ts";
import { multiplierStock } from "../../src/inventory/policies/multiplier.ts";
import { dailyRecommendation } from "../../src/inventory/policies/registry.ts";
import { POLICY_DEFAULTS } from "../../src/config/plan_options.ts";
import { blockSigma, type ErrorScale } from "../../src/inventory/sigma.ts";
import { replay } from "../../src/inventory/simulate.ts";
import { assert, assertAlmostEquals, assertEquals } from "../helpers/assert.ts";

const flatScale = (lead: number, cycle: number): ErrorScale => ({
  lead,
  cycle,
  fromBacktest: true,
});

Deno.test("z(0.95) = 1.645 and other quantiles of the standard normal", () => {
  assertEquals(safetyZ(0.95).toFixed(3), "1.645");
  assertEquals(normalQuantile(0.5).toFixed(6), "0.000000");
  assertEquals(normalQuantile(0.99).toFixed(3), "2.326");
  assertEquals(normalQuantile(0.001).toFixed(3), "-3.090");
  assertAlmostEquals(normalCdf(normalQuantile(0.8)), 0.8, 1e-6);
  assertAlmostEquals(criticalRatio(1, 0.05), 1 / 1.05);
});

Deno.test("service level: S = μ(L+R) + z·σ(L+R), worked by hand", () => {
  // 10 sold and 5 returned a day, ρ = 0.8 → net 6 a day; L = 3, R = 4 → μ = 42, over L: 18.
  const sales = new Array(14).fill(10);
  const returns = new Array(14).fill(5);
  const settings = {
    ...POLICY_DEFAULTS,
    leadTime: 3,
    reviewPeriod: 4,
    restockRate: 0.8,
    serviceLevel: 0.95,
  };
  const levels = serviceLevelStock(sales, returns, flatScale(5, 10), settings);
  const z = 1.6448536;
  assertAlmostEquals(levels.expectedNetDemand, 42, 1e-9);
  assertAlmostEquals(levels.safetyStock, z * 10, 1e-5);
  assertAlmostEquals(levels.orderUpTo, 42 + z * 10, 1e-5);
  assertAlmostEquals(levels.reorderPoint, 18 + z * 5, 1e-5);
});

Deno.test("multiplier: max(0, sales − returns) × factor, as the original design", () => {
  assertEquals(Array.from(originalRecommendation([10, 3, 0], [2, 5, 1], 1.2)), [9.6, 0, 0]);
  const settings = { ...POLICY_DEFAULTS, leadTime: 1, reviewPeriod: 1, safetyFactor: 1.5 };
  const levels = multiplierStock([10, 10], [4, 4], settings);
  assertEquals(levels.orderUpTo, 18); // (6 + 6) × 1.5
  assertEquals(levels.safetyStock, 6);
});

Deno.test("σ: errors of k-day blocks, RMS with bias kept", () => {
  const window = (forecast: number[], actual: number[]) => ({
    forecast: {
      mean: Float64Array.from(forecast),
      lo80: new Float64Array(0),
      hi80: new Float64Array(0),
      lo95: new Float64Array(0),
      hi95: new Float64Array(0),
    },
    actual: Float64Array.from(actual),
    scales: { mae: 1, mse: 1 },
    cutoff: 0,
  });
  // sales errors +1 +1 +1 (always over-forecast), returns exact → 2-day block errors are 2 and 2
  const net = [{
    cutoff: 0,
    sales: window([5, 5, 5], [4, 4, 4]),
    returns: window([0, 0, 0], [0, 0, 0]),
  }];
  assertEquals(blockSigma(net, 0.8, 2), 2);
  assertEquals(blockSigma(net, 0.8, 4), undefined);
});

Deno.test("the recommended level per day never goes below 0", () => {
  const recommended = dailyRecommendation(
    "service-level",
    [0, 0, 0, 0],
    [9, 9, 9, 9],
    flatScale(0, 0),
    { ...POLICY_DEFAULTS, leadTime: 1, reviewPeriod: 1 },
  );
  assert(recommended.every((v) => v === 0), Array.from(recommended).join());
  assertEquals(sumAhead([1, 2, 3, 4, 5, 6, 7], 5, 4), 6 + 7 + 1 + 2); // past the end: weekly pattern
});

Deno.test("constant demand with an exact forecast: zero safety stock and 100 % fill", () => {
  const sales = new Array(56).fill(20);
  const returns = new Array(56).fill(0);
  const settings = { ...POLICY_DEFAULTS, leadTime: 7, reviewPeriod: 7 };
  const levels = serviceLevelStock(sales, returns, flatScale(0, 0), settings);
  assertEquals(levels.safetyStock, 0);
  const tally = replay({
    sales,
    returns,
    orderUpTo: (t) => serviceLevelStock(sales, returns, flatScale(0, 0), settings, t).orderUpTo,
    leadTime: 7,
    reviewPeriod: 7,
    restockRate: 0.8,
    holdingCost: 0.05,
    shortageCost: 1,
  });
  assertEquals(tally.served, tally.demand);
  assertEquals(tally.stockoutDays, 0);
});

Deno.test("replay: orders arrive after the lead time, returns are restocked, unmet demand is lost", () => {
  // S = 25 on day 0 (on hand), demand 10/day; review every 2 days, lead time 1.
  // day0: 25→15; day1: 15→5; day2: order 20 (25−5), on hand 5 → demand 10 → 5 served, 5 lost;
  // day3: +20 arrives → 20, +0.5×4 returns = 22 → 12.
  const tally = replay({
    sales: [10, 10, 10, 10],
    returns: [0, 0, 0, 4],
    orderUpTo: () => 25,
    leadTime: 1,
    reviewPeriod: 2,
    restockRate: 0.5,
    holdingCost: 1,
    shortageCost: 2,
  });
  assertEquals(tally.demand, 40);
  assertEquals(tally.served, 35);
  assertEquals(tally.stockoutDays, 1);
  assertEquals(tally.onHandDays, 15 + 5 + 0 + 12);
  assertEquals(tally.shortageCost, 10);
});
