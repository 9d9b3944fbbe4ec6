/**
 * Alerts, most severe first, with the numbers behind each and the suggested action.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import type { Alert } from "../../inventory/alerts/types.ts";
import { describeRules } from "../../inventory/alerts/raise.ts";
import type { ReportSection } from "./section.ts";
import { printedNote, printedRows, rowAttributes } from "./print_limit.ts";

/**
 * Table rows of alerts (optionally without the product column); rows not in `printed` are
 * shown on screen only.
 */
export function alertRows(
  alerts: readonly Alert[],
  withProduct = true,
  printed?: ReadonlySet<number>,
): Html[] {
  return alerts.map((a, i) => {
    const product = withProduct ? html`<td class="text">${a.productId}</td>` : "";
    const severity =
      html`<td class="text"><span class="severity ${a.severity}">${a.severity}</span></td>`;
    return html`<tr${
      rowAttributes(printed, i)
    }>${severity}${product}<td class="text">${a.rule}</td><td class="text">${a.message}</td><td class="text">${a.action}</td></tr>`;
  });
}

/** The alerts section. */
function alertsSection(ctx: ReportContext): Html {
  // Alerts come most severe first: the PDF keeps the first ones.
  const printed = printedRows(ctx.alerts.map((_, i) => -i));
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
        <tbody>${alertRows(ctx.alerts, true, printed)}</tbody>
      </table>${printedNote(
        printed.size,
        ctx.alerts.length,
        "the most severe first",
        "report.html and alerts.csv",
      )}
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
