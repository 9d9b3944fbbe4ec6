/**
 * Alerts, most severe first, with the numbers behind each and the suggested action.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import type { Alert } from "../../inventory/alerts/types.ts";
import { describeRules } from "../../inventory/alerts/raise.ts";
import type { ReportSection } from "./section.ts";

/** Table rows of alerts (optionally without the product column). */
export function alertRows(alerts: readonly Alert[], withProduct = true): Html[] {
  return alerts.map((a) =>
    html`<tr><td class="text"><span class="severity ${a.severity}">${a.severity}</span></td>${
      withProduct ? html`<td class="text">${a.productId}</td>` : ""
    }<td class="text">${a.rule}</td><td class="text">${a.message}</td><td class="text">${a.action}</td></tr>`
  );
}

/** The alerts section. */
function alertsSection(ctx: ReportContext): Html {
  const body = ctx.alerts.length === 0
    ? html`<p>No alerts: return rates, sales variation, inventory peaks, forecast quality and data quality are
all within their thresholds.</p>`
    : html`
      <table>
        <thead>
          <tr>
            <th class="text">severity</th>
            <th class="text">product</th>
            <th class="text">rule</th>
            <th class="text">what we found</th>
            <th class="text">suggested action</th>
          </tr>
        </thead>
        <tbody>${alertRows(ctx.alerts)}</tbody>
      </table>
    `;
  const rules = describeRules(ctx.options.thresholds, ctx.options.horizon);
  const note = html`<p class="note">Thresholds: ${rules}.</p>`;
  return html`<section id="alerts"><h2>Alerts</h2>${note}${body}</section>`;
}

/** Alerts, most severe first. */
export const ALERTS_SECTION: ReportSection = {
  id: "alerts",
  title: (ctx) => `Alerts (${ctx.alerts.length})`,
  render: alertsSection,
};
