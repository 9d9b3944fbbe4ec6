/**
 * The top of the report: title, run date, data source and span, the parameters of the run, and a
 * table of contents with links.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { formatIsoDay } from "../../data/dates.ts";
import { percent } from "../format.ts";
import { policyNamed } from "../../inventory/policies/registry.ts";
import { contentsList, type ReportSection } from "./section.ts";

/** The header block. */
export function headerSection(ctx: ReportContext): Html {
  const { options, summary } = ctx;
  const s = options.settings;
  const policy = policyNamed(options.policy).describe(s);
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

/** The table of contents of the sections. */
export function contentsSection(ctx: ReportContext, sections: readonly ReportSection[]): Html {
  return html`
    <nav aria-label="Contents">
      <h2>Contents</h2>
      <ol>
    ${contentsList(sections, ctx)}
      </ol>
    </nav>
  `;
}
