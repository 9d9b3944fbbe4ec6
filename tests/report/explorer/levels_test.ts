/**
 * The explorer's adapter: the levels it computes from a product's record equal what
 * `planInventory` (the `plan` command's code) gives for the same run, under every policy of the
 * registry and other targets, costs and factors, with stock positions and order constraints;
 * every policy of the registry is adapted.
 */

import { assert, assertEquals } from "../../helpers/assert.ts";
import { finalDecisions, planInventory } from "../../../src/inventory/plan.ts";
import { planningTables } from "../../../src/inventory/pipeline.ts";
import { POLICIES } from "../../../src/inventory/policies/registry.ts";
import type { PolicySettings } from "../../../src/inventory/policies/types.ts";
import { POLICY_DEFAULTS } from "../../../src/config/plan_options.ts";
import { DIGITS, roundTo } from "../../../src/util/round.ts";
import {
  ADAPTED_POLICIES,
  controlValues,
  explorerLevels,
  POLICY_CONTROLS,
  policyControls,
  settingsOf,
} from "../../../src/report/explorer/levels.ts";
import { policyRunOf } from "../../../src/report/explorer/policy_inputs.ts";
import { packRecord, productRecord } from "../../../src/report/explorer/page_data.ts";
import { decodeRecord } from "../../../src/report/explorer/record.ts";
import { fromBase64 } from "../../../src/report/explorer/bytes.ts";
import { inflateSync } from "fflate";
import type { ReportContext } from "../../../src/report/context.ts";
import { smallRun } from "./run_fixture.ts";

const EXTRA = {
  positions: new Map([["P001", { onHand: 40, onOrder: 0 }], ["P002", { onHand: 0, onOrder: 0 }]]),
  constraints: new Map([["P002", { casePack: 24, minOrder: 100, leadTime: 10 }]]),
};
const plain = await smallRun(3);
const stocked = await smallRun(3, [], EXTRA);
const extraOf = (ctx: ReportContext): Partial<typeof EXTRA> => (ctx === stocked ? EXTRA : {});

const SETTINGS: [string, PolicySettings][] = [
  ["the run's", POLICY_DEFAULTS],
  ["targets 0.98", { ...POLICY_DEFAULTS, fillRate: 0.98, cycleService: 0.98 }],
  ["targets 0.8, factor 2", {
    ...POLICY_DEFAULTS,
    fillRate: 0.8,
    cycleService: 0.8,
    safetyFactor: 2,
  }],
  ["dear holding", { ...POLICY_DEFAULTS, costs: { holding: 0.5, shortage: 2 } }],
];

/** The plans `plan` makes of the run's forecast under other settings (same errors, same positions). */
function plansUnder(ctx: ReportContext, settings: PolicySettings, policy: string) {
  const { tables, decisions } = planningTables(
    ctx.set,
    ctx.forecast,
    settings,
    ctx.calendar,
    extraOf(ctx).constraints,
  );
  const inputs = {
    set: ctx.set,
    forecast: ctx.forecast,
    tables,
    settings,
    decisions,
    policy,
    days: 30,
    positions: extraOf(ctx).positions,
    constraints: extraOf(ctx).constraints,
  };
  return planInventory(inputs, finalDecisions(inputs));
}

for (const [runName, ctx] of [["plain", plain], ["stock and constraints", stocked]] as const) {
  for (const [name, settings] of SETTINGS) {
    Deno.test(`page levels equal plan's (${runName} run, ${name} settings)`, () => {
      for (const policy of POLICIES) {
        const target = policy.target ?? "fillRate";
        const plans = policy.id === ctx.options.policy && name === "the run's"
          ? ctx.plans
          : plansUnder(ctx, settings, policy.id);
        for (const product of ctx.set.products) {
          // What the page decodes: the record through its bytes, deflate and base64.
          const record = decodeRecord(
            inflateSync(fromBase64(packRecord(productRecord(ctx, product.id)))),
          );
          const result = explorerLevels(
            { sales: record.sales.mean, returns: record.returns.mean },
            record.policy,
            policyRunOf(ctx.options.settings),
            policy.id,
            { ...controlValues(settings, settings.costs), target: settings[target] },
            30,
          );
          const plan = plans.get(product.id)!;
          const stock = (v: number) => roundTo(v, DIGITS.stock);
          const label = `${product.id} ${policy.id}`;
          assertEquals(result.levels, {
            expectedNetDemand: stock(plan.levels.expectedNetDemand),
            safetyStock: stock(plan.levels.safetyStock),
            reorderPoint: stock(plan.levels.reorderPoint),
            orderUpTo: stock(plan.levels.orderUpTo),
          }, label);
          assertEquals(result.daily, Array.from(plan.daily.recommended, stock), label);
          assertEquals(result.caveat, undefined, label);
        }
      }
    });
  }
}

Deno.test("every policy of the registry is adapted, and its controls are known ones", () => {
  assertEquals([...ADAPTED_POLICIES].sort(), POLICIES.map((p) => p.id).sort());
  for (const policy of POLICIES) {
    const controls = policyControls(policy.id);
    assert(controls.every((c) => POLICY_CONTROLS.includes(c)), policy.id);
    assertEquals(controls.includes("target"), policy.target !== undefined, policy.id);
  }
});

Deno.test("control values and settings convert both ways", () => {
  const values = controlValues(POLICY_DEFAULTS, POLICY_DEFAULTS.costs);
  assertEquals(settingsOf(values), { settings: POLICY_DEFAULTS, costs: POLICY_DEFAULTS.costs });
  const cycle = { ...POLICY_DEFAULTS, cycleService: 0.9 };
  assertEquals(controlValues(cycle, cycle.costs, "cycle-service").target, 0.9);
  assertEquals(controlValues(cycle, cycle.costs, "fill-rate").target, 0.95);
});

Deno.test("another L, R or ρ keeps the run's error distribution, and says so", () => {
  const id = plain.set.products[0].id;
  const record = productRecord(plain, id);
  const run = policyRunOf(plain.options.settings);
  const at = (settings: PolicySettings, policy: string) =>
    explorerLevels(
      { sales: record.sales.mean, returns: record.returns.mean },
      record.policy,
      run,
      policy,
      controlValues(settings, settings.costs),
      30,
    );
  const longer = { ...POLICY_DEFAULTS, leadTime: 14, reviewPeriod: 14 };
  assert(at(longer, "fill-rate").caveat?.includes("14-day totals"), at(longer, "fill-rate").caveat);
  assertEquals(at(longer, "multiplier").caveat, undefined);
});
