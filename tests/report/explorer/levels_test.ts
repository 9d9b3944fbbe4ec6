/**
 * The explorer's adapter: the levels it computes from a product's record equal what
 * `planInventory` (the `plan` command's code) gives for the same run, under every policy of the
 * registry and other settings; every policy of the registry is adapted.
 */

import { assert, assertEquals } from "../../helpers/assert.ts";
import { planInventory } from "../../../src/inventory/plan.ts";
import { POLICIES } from "../../../src/inventory/policies/registry.ts";
import type { PolicySettings } from "../../../src/inventory/policies/types.ts";
import { COST_DEFAULTS, POLICY_DEFAULTS } from "../../../src/config/plan_options.ts";
import { DIGITS, roundTo } from "../../../src/util/round.ts";
import {
  ADAPTED_POLICIES,
  controlValues,
  explorerLevels,
  POLICY_CONTROLS,
  policyControls,
  policyRunOf,
  settingsOf,
} from "../../../src/report/explorer/levels.ts";
import { packRecord, productRecord } from "../../../src/report/explorer/page_data.ts";
import { decodeRecord } from "../../../src/report/explorer/record.ts";
import { fromBase64 } from "../../../src/report/explorer/bytes.ts";
import { inflateSync } from "fflate";
import { smallRun } from "./run_fixture.ts";

const ctx = await smallRun(3);

const SETTINGS: [string, PolicySettings][] = [
  ["the run's", POLICY_DEFAULTS],
  ["L 14, R 14, 0.98", { ...POLICY_DEFAULTS, leadTime: 14, reviewPeriod: 14, serviceLevel: 0.98 }],
  ["factor 2, restock 0.5", { ...POLICY_DEFAULTS, safetyFactor: 2, restockRate: 0.5 }],
  ["L 0, R 1", { ...POLICY_DEFAULTS, leadTime: 0, reviewPeriod: 1 }],
];

for (const [name, settings] of SETTINGS) {
  Deno.test(`levels from the page's records equal planInventory's (${name} settings)`, () => {
    for (const policy of POLICIES) {
      const plans = planInventory(ctx.set, ctx.forecast, settings, policy.id, 30);
      for (const product of ctx.set.products) {
        // What the page decodes: the record through its bytes, deflate and base64.
        const record = decodeRecord(
          inflateSync(fromBase64(packRecord(productRecord(ctx, product.id)))),
        );
        const result = explorerLevels(
          { sales: record.sales.mean, returns: record.returns.mean, history: record.history },
          record.policy,
          policyRunOf(ctx.forecast),
          policy.id,
          controlValues(settings, COST_DEFAULTS),
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

Deno.test("every policy of the registry is adapted, and its controls are known ones", () => {
  assertEquals([...ADAPTED_POLICIES].sort(), POLICIES.map((p) => p.id).sort());
  for (const policy of POLICIES) {
    const controls = policyControls(policy.id);
    assert(controls.every((c) => POLICY_CONTROLS.includes(c)), policy.id);
    assertEquals(controls.includes("target"), policy.hasServiceTarget, policy.id);
  }
});

Deno.test("control values and settings convert both ways", () => {
  const values = controlValues(POLICY_DEFAULTS, COST_DEFAULTS);
  assertEquals(settingsOf(values), { settings: POLICY_DEFAULTS, costs: COST_DEFAULTS });
});

Deno.test("L + R beyond the backtest windows: the levels say why they may differ from plan", () => {
  const id = ctx.set.products[0].id;
  const record = productRecord(ctx, id);
  const result = explorerLevels(
    { sales: record.sales.mean, returns: record.returns.mean, history: record.history },
    record.policy,
    policyRunOf(ctx.forecast),
    "service-level",
    controlValues({ ...POLICY_DEFAULTS, leadTime: 30, reviewPeriod: 14 }, COST_DEFAULTS),
    30,
  );
  assert(
    result.caveat?.includes("longer than this run's backtest windows (30 days)"),
    result.caveat,
  );
});
