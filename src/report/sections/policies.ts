/**
 * The policy comparison from the simulation: every policy of the registry, and each tunable one
 * again at the value that reaches the default policy's fill rate — so the stock each needs for the
 * same service reads side by side.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { decimal, percent, units } from "../format.ts";
import { DEFAULT_POLICY, findPolicy, POLICIES } from "../../inventory/policies/registry.ts";
import { matchedId, type PolicyFigures } from "../../inventory/compare.ts";
import type { Policy } from "../../inventory/policies/types.ts";
import type { ReportSection } from "./section.ts";

const TITLE = "Inventory policies compared";

/** The label of a simulated policy (or of a tuned policy's matched run). */
function labelOf(name: string): string {
  const policy = findPolicy(name);
  if (policy) return policy.label;
  const tuned = POLICIES.find((p) => p.tuning && matchedId(p) === name);
  return tuned?.tuning?.label ?? name;
}

/** One sentence comparing the default policy with a tuned policy at the same fill rate. */
function verdict(service: PolicyFigures, matched: PolicyFigures | undefined, tuned: Policy): Html {
  const maximum = tuned.tuning!.max;
  const saving = matched && matched.avg_on_hand > 0
    ? 1 - service.avg_on_hand / matched.avg_on_hand
    : NaN;
  const unmatched = matched !== undefined && matched.fill_rate < service.fill_rate - 0.0005;
  return unmatched
    ? html`No multiplier up to ${maximum} reaches the ${DEFAULT_POLICY.id} policy's fill rate of
${percent(service.fill_rate)} (at ${decimal(matched.factor ?? NaN, 0)} it reaches ${
      percent(matched.fill_rate)
    } holding ${decimal(matched.avg_on_hand)} units per product, against ${
      decimal(service.avg_on_hand)
    }): stocking a multiple of the forecast cannot cover demand this lumpy.`
    : Number.isFinite(saving)
    ? saving >= 0
      ? html`At the same fill rate (${
        percent(service.fill_rate)
      }) the ${DEFAULT_POLICY.id} policy holds
<strong>${percent(saving)} less stock</strong> on average than the ${tuned.id} rule (factor ${
        decimal(matched?.factor ?? NaN, 2)
      }).`
      : html`At the same fill rate (${percent(service.fill_rate)}) the ${tuned.id} rule (factor ${
        decimal(matched?.factor ?? NaN, 2)
      }) holds ${percent(-saving)} less stock than the ${DEFAULT_POLICY.id} policy on this data.`
    : html``;
}

/** The policies section. */
function policiesSection(ctx: ReportContext): Html {
  const id = POLICIES_SECTION.id;
  const simulation = ctx.simulation;
  if (!simulation) {
    return html`
      <section id="${id}">
        <h2>${TITLE}</h2>
        <p>No simulation: the data is too short for a backtest.</p>
      </section>
    `;
  }
  const rows = Object.entries(simulation.policies).map(([name, f]) =>
    html`
      <tr>
        <td>${labelOf(name)}</td>
        <td>${f.factor === undefined ? "" : decimal(f.factor, 2)}</td>
        <td>${percent(f.fill_rate)}</td>
        <td>${units(f.stockout_days)}</td>
        <td>${decimal(f.avg_on_hand)}</td>
        <td>${units(f.holding_cost)}</td>
        <td>${units(f.shortage_cost)}</td>
        <td>${units(f.total_cost)}</td>
      </tr>
    `
  );
  const service = simulation.policies[DEFAULT_POLICY.id];
  const verdicts = POLICIES.filter((p) => p.tuning).map((p) =>
    verdict(service, simulation.policies[matchedId(p)], p)
  );
  const p = simulation.parameters as Record<string, number>;
  return html`
    <section id="${id}">
      <h2>${TITLE}</h2>
      <p>Each policy was replayed over the ${p.windows} backtest windows of ${p
        .days_per_window} days: stock set from
    the forecast made at each cutoff, orders every ${p.review_period} days arriving after ${p
      .lead_time} days,
    ${percent(
      p.restock_rate,
      0,
    )} of returns back on the shelf the day they come back, unmet demand lost.</p>
      <div class="callout">${verdicts}</div>
      <table>
        <thead>
          <tr>
            <th>policy</th>
            <th>factor</th>
            <th>fill rate</th>
            <th>stockout days</th>
            <th>average on hand (units per product)</th>
            <th>holding cost</th>
            <th>shortage cost</th>
            <th>total cost</th>
          </tr>
        </thead>
        <tbody>${rows}</tbody>
      </table>
      <p class="note">Costs: ${p.holding_cost} per unit on hand per day, ${p
        .shortage_cost} per unit of lost sales.
    Stockout days count product-days with unmet demand.</p>
    </section>
  `;
}

/** The policy comparison. */
export const POLICIES_SECTION: ReportSection = {
  id: "policies",
  title: () => TITLE,
  render: policiesSection,
};
