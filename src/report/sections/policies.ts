/**
 * The policy section: the trade-off chart (achieved fill rate against average stock, for the
 * fill-rate policy's targets and the multiplier's factors, the run's operating point and the
 * cost-optimal point marked), what it says in a sentence or two, the policies replayed (lowest
 * total cost first), and what each fill-rate target takes against the multiplier at the same
 * fill rate.
 * @module
 */

import { type Html, html, raw } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { decimal, percent, units } from "../format.ts";
import { findPolicy, policyNamed } from "../../inventory/policies/registry.ts";
import { MATCHED, type SimulationResult } from "../../inventory/simulation/simulate.ts";
import type { PolicyFigures } from "../../inventory/simulation/figures.ts";
import { tradeoffChart } from "../charts/tradeoff.ts";
import type { ReportSection } from "./section.ts";

const TITLE = "Inventory policies compared";

/** The label of a simulated policy or of the benchmark. */
function labelOf(name: string): string {
  if (name === MATCHED) return "multiplier matched in hindsight (benchmark)";
  return findPolicy(name)?.label ?? name;
}

/** The policies, lowest total cost first when costs are set (else as listed). */
export function rankedPolicies(simulation: SimulationResult): [string, PolicyFigures][] {
  const p = simulation.parameters as Record<string, number>;
  const entries = Object.entries(simulation.policies);
  if (!(p.holding_cost + p.shortage_cost > 0)) return entries;
  return entries.sort((a, b) => a[1].total_cost - b[1].total_cost);
}

function chart(ctx: ReportContext, simulation: SimulationResult): string {
  const fill = simulation.tradeoff["fill-rate"];
  const policy = ctx.options.policy;
  const chosen = simulation.policies[policy];
  const cost = simulation.policies.cost;
  const shown = new Set([0.8, 0.9, 0.95, 0.98, 0.995]);
  return tradeoffChart({
    title: "Fill rate against the stock it takes",
    curves: [
      {
        name: "fill-rate policy, targets 80–99.5 %",
        points: fill.map((p) => ({
          stock: p.avg_stock,
          fillRate: p.fill_rate,
          ...(shown.has(p.target!) ? { label: `${decimal(100 * p.target!, 1)} %` } : {}),
        })),
      },
      {
        name: "multiplier, factor from 0.5",
        points: simulation.tradeoff.multiplier.map((p) => ({
          stock: p.avg_stock,
          fillRate: p.fill_rate,
        })),
      },
    ],
    markers: [
      ...(chosen
        ? [{
          name: `chosen: ${policyNamed(policy).label}`,
          stock: chosen.avg_stock,
          fillRate: chosen.fill_rate,
        }]
        : []),
      ...(cost && policy !== "cost"
        ? [{ name: "least cost", stock: cost.avg_stock, fillRate: cost.fill_rate }]
        : []),
    ],
  });
}

function verdicts(ctx: ReportContext, simulation: SimulationResult): Html {
  const s = ctx.options.settings;
  const fill = simulation.policies["fill-rate"];
  const matched = simulation.policies[MATCHED];
  const ranked = rankedPolicies(simulation).filter(([name]) => name !== MATCHED);
  const [cheapest, next] = ranked;
  const saving = matched && matched.avg_stock > 0 ? 1 - fill.avg_stock / matched.avg_stock : NaN;
  const reached = matched && matched.fill_rate >= fill.fill_rate - 0.0005;
  const stock = !reached
    ? html`No multiplier up to ${decimal(matched?.factor ?? NaN, 0)} reaches the fill-rate
policy's ${percent(fill.fill_rate)}: stocking a multiple of the forecast cannot cover demand this
lumpy.`
    : saving >= 0
    ? html`At the same fill rate (${percent(fill.fill_rate)}) the fill-rate policy holds
<strong>${percent(saving)} less stock</strong> than the multiplier (factor ${
      decimal(matched.factor ?? NaN, 2)
    }, matched in hindsight on these very days).`
    : html`At the same fill rate (${percent(fill.fill_rate)}) the multiplier, at the factor
${decimal(matched.factor ?? NaN, 2)} matched in hindsight on these very days, holds ${
      percent(-saving)
    } less stock than the fill-rate policy — a factor no policy could have known in advance.`;
  const target = html`The fill-rate target of ${percent(s.fillRate)} was met at ${
    percent(fill.fill_rate, 2)
  } (${fill.fill_rate >= s.fillRate ? "+" : "−"}${
    decimal(Math.abs(100 * (fill.fill_rate - s.fillRate)), 2)
  } points).`;
  const costs = cheapest && next
    ? html`The lowest total cost is ${labelOf(cheapest[0])}'s, ${units(cheapest[1].total_cost)}
(${percent(1 - cheapest[1].total_cost / next[1].total_cost)} below ${labelOf(next[0])}).`
    : html``;
  return html`
    <div class="callout">
      <p>${target} ${stock} ${costs}</p>
    </div>
  `;
}

function policyTable(simulation: SimulationResult): Html {
  const rows = rankedPolicies(simulation).map(([name, f]) =>
    html`
      <tr>
        <td>${labelOf(name)}</td>
        <td>${f.target !== undefined
          ? percent(f.target, 1)
          : f.factor !== undefined
          ? `× ${decimal(f.factor, 2)}`
          : ""}</td>
        <td>${percent(f.fill_rate, 2)}</td>
        <td>${percent(f.cycle_service, 1)}</td>
        <td>${units(f.stockout_days)}</td>
        <td>${units(f.avg_stock)}</td>
        <td>${decimal(f.days_of_cover, 1)}</td>
        <td>${units(f.holding_cost)}</td>
        <td>${units(f.shortage_cost)}</td>
        <td>${units(f.total_cost)}</td>
      </tr>
    `
  );
  return html`
    <table>
      <thead>
        <tr>
          <th>policy</th>
          <th>target / factor</th>
          <th>fill rate</th>
          <th>cycle service</th>
          <th>stockout days</th>
          <th>average stock</th>
          <th>days of cover</th>
          <th>holding</th>
          <th>shortage</th>
          <th>total cost</th>
        </tr>
      </thead>
      <tbody>${rows}</tbody>
    </table>
  `;
}

function targetTable(simulation: SimulationResult): Html {
  const rows = simulation.tradeoff["fill-rate"].map((p) => {
    const reached = (p.matched_fill_rate ?? 0) >= p.fill_rate - 0.0005;
    const saving = p.matched_avg_stock ? 1 - p.avg_stock / p.matched_avg_stock : NaN;
    return html`
      <tr>
        <td>${percent(p.target!, 1)}</td>
        <td>${percent(p.fill_rate, 2)}</td>
        <td>${units(p.avg_stock)}</td>
        <td>${units(p.total_cost)}</td>
        <td>${reached
          ? `× ${decimal(p.matched_factor!, 2)}`
          : `not reached (× ${decimal(p.matched_factor!, 0)})`}</td>
        <td>${units(p.matched_avg_stock ?? NaN)}</td>
        <td>${reached ? percent(saving, 1) : ""}</td>
      </tr>
    `;
  });
  return html`
    <table>
      <thead>
        <tr>
          <th>fill-rate target</th>
          <th>achieved</th>
          <th>average stock</th>
          <th>total cost</th>
          <th>multiplier at the same fill rate</th>
          <th>its stock</th>
          <th>stock saved</th>
        </tr>
      </thead>
      <tbody>${rows}</tbody>
    </table>
  `;
}

/** The policies section. */
function policiesSection(ctx: ReportContext): Html {
  const id = POLICIES_SECTION.id;
  const simulation = ctx.simulation;
  if (!simulation) {
    return html`
      <section id="${id}">
        <h2>${TITLE}</h2>
        <p>No simulation: ${ctx.noSimulation ?? "the run did not simulate the policies"}.</p>
      </section>
    `;
  }
  const p = simulation.parameters as Record<string, number | string | null>;
  const large = simulation.policies["fill-rate"]?.large_order_units ?? 0;
  return html`
    <section id="${id}">
          <h2>${TITLE}</h2>
          <p>Each policy was replayed, one continuous run per product, over the ${p
            .weeks} weeks from
    ${p.measure_start} to ${p.measure_end} after a warm-up from ${p
      .warmup_start} that is not counted:
    every ${p.review_period} days it ordered up to its level, the order arrived ${p.lead_time} days
    later, ${percent(Number(p.restock_rate), 0)} of what came back went on the shelf, and demand the
    shelf could not serve was lost. Each review planned from the forecast made that day, by the model
    <code>auto</code> would have chosen then, and from the errors of forecasts whose days had passed:
    nothing a policy used came from the days it is judged on.</p>
          <figure>${raw(
            chart(ctx, simulation),
          )}<figcaption>Each point is a whole replay. Further left
    is less stock, higher is more demand served; a curve above and left of another does better. The
    fill-rate policy is drawn at targets from 80 % to 99.5 %, the multiplier from factor 0.5 up to the
    same fill rates.</figcaption></figure>
          ${verdicts(ctx, simulation)}
          ${policyTable(simulation)}
          <p class="note">Costs: ${p.holding_cost} per unit on the shelf per day, ${p
            .shortage_cost} per unit of demand lost. Fill rate = units served ÷ units demanded, over all
    products; cycle service = share of product-cycles (the ${p.review_period} days an order serves)
    without a lost sale; stockout days count product-days with demand lost; average stock = units on
    the shelves on an average day; days of cover = average stock ÷ average daily demand.${large > 0
      ? html`
        Order lines above ${p.large_order_units} units (${units(
          large,
        )} units) were served from outside stock and are not counted.
      `
      : ""}${Number(p.order_constraints) > 0
      ? html`
        ${p
          .order_constraints} products ordered in whole case packs and at least their minimum order.
      `
      : ""}</p>
          <h3>What each fill-rate target takes</h3>
          ${targetTable(simulation)}
        </section>
  `;
}

/** The policy comparison. */
export const POLICIES_SECTION: ReportSection = {
  id: "policies",
  title: () => TITLE,
  render: policiesSection,
};
