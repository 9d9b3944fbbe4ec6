/**
 * Alerts, most severe first, with the numbers behind each and the suggested action.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import type { Alert } from "../../inventory/alerts.ts";

/** Table rows of alerts (optionally without the product column). */
export function alertRows(alerts: readonly Alert[], withProduct = true): Html[] {
  return alerts.map((a) =>
    html`<tr><td class="text"><span class="severity ${a.severity}">${a.severity}</span></td>${
      withProduct ? html`<td class="text">${a.productId}</td>` : ""
    }<td class="text">${a.rule}</td><td class="text">${a.message}</td><td class="text">${a.action}</td></tr>`
  );
}

/** The alerts section. */
export function alertsSection(ctx: ReportContext): Html {
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
  const t = ctx.options;
  return html`<section id="alerts"><h2>Alerts</h2>${body}
<p class="note">Thresholds: return rate ≥ ${
    (ctx.thresholds.returnRate * 100).toFixed(0)
  } % (last 90 days),
sales standard deviation ≥ ${
    (ctx.thresholds.salesVariation * 100).toFixed(0)
  } % of the mean (last 90 days),
recommended inventory peak ≥ ${ctx.thresholds.inventoryPeak} × its mean (next ${t.horizon} days), zero-sales
days ≥ ${
    (ctx.thresholds.zeroShare * 100).toFixed(0)
  } %, return rate of the last 28 days above the 90 before
with z ≥ ${ctx.thresholds.risingZ}, forecast backtest RMSSE no better than repeating last week.</p></section>`;
}
