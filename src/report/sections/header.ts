/**
 * The top of the report: title, run date, data source and span, the parameters of the run, and a
 * table of contents with links.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { formatIsoDay } from "../../data/dates.ts";
import { percent, productAnchor } from "../format.ts";

/** The header block. */
export function headerSection(ctx: ReportContext): Html {
  const { options, summary } = ctx;
  const s = options.settings;
  const policy = options.policy === "service-level"
    ? `service level ${percent(s.serviceLevel, 1)} (z = ${ctx.plans[0]?.z.toFixed(3) ?? "–"})`
    : `multiplier × ${s.safetyFactor}`;
  return html`
    <header>
      <h1>${options.title}</h1>
      <p
        class="muted">Sales, returns and inventory forecast — ${summary.products
          .length} products, next ${options.horizon} days</p>
      <dl class="meta">
        <dt>Run</dt>
        <dd>${options.runDate} · Returncast ${ctx.versions.returncast}</dd>
        <dt>Data</dt>
        <dd>${options.dataLabel} · ${formatIsoDay(summary.first)} to ${formatIsoDay(
          summary.last,
        )} (${summary.last - summary.first + 1} days)</dd>
        <dt>Forecast</dt>
        <dd>${options.horizon} days from ${formatIsoDay(
          summary.last + 1,
        )} · models chosen per product by backtest (auto)</dd>
        <dt>Policy</dt>
        <dd>${policy} · lead time ${s.leadTime} d · review every ${s.reviewPeriod} d · ${percent(
          s.restockRate,
          0,
        )} of returns restockable</dd>
      </dl>
    </header>
  `;
}

/** The table of contents. */
export function contentsSection(ctx: ReportContext): Html {
  const products = ctx.figures.detailed.map((id) =>
    html`<li><a href="#${productAnchor(ctx.indexOf(id))}">Product ${id}</a></li>`
  );
  return html`
    <nav aria-label="Contents">
      <h2>Contents</h2>
      <ol>
    <li><a href="#summary">Executive summary</a></li>
    <li><a href="#alerts">Alerts (${ctx.alerts.length})</a></li>
    <li><a href="#policies">Inventory policies compared</a></li>
    ${products}
    <li><a href="#methods">Methods</a></li>
      </ol>
    </nav>
  `;
}
