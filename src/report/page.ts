/**
 * Assembles `report.html`: one self-contained page (inline CSS and SVG, no script, no request to
 * any network) from the report context. Everything from the data passes through the escaping
 * `html` template.
 * @module
 */

import { html, raw } from "./html.ts";
import type { ReportContext } from "./context.ts";
import { REPORT_CSS } from "./style.ts";
import { contentsSection, headerSection } from "./sections/header.ts";
import { summarySection } from "./sections/summary.ts";
import { alertsSection } from "./sections/alerts.ts";
import { policiesSection } from "./sections/policies.ts";
import { productSection } from "./sections/product.ts";
import { methodsSection } from "./sections/methods.ts";

/** The files a report directory holds, for the footer. */
export const REPORT_FILES = [
  "report.html",
  "report.pdf",
  "forecast.csv",
  "plan.csv",
  "plan_daily.csv",
  "alerts.csv",
  "backtest.csv",
  "simulation.json",
  "summary.json",
];

/** The whole report page. */
export function renderReportHtml(ctx: ReportContext): string {
  const products = ctx.figures.detailed.map((id) => productSection(ctx, id));
  return "<!doctype html>\n" + html`
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>${ctx.options.title}</title>
        <style>${raw(REPORT_CSS)}</style>
      </head>
      <body>
    ${headerSection(ctx)}
    ${contentsSection(ctx)}
    ${summarySection(ctx)}
    ${alertsSection(ctx)}
    ${policiesSection(ctx)}
    ${products}
    ${methodsSection(ctx)}
    <footer>Files beside this report: ${REPORT_FILES.join(", ")}. Returncast ${ctx.versions
      .returncast} · Deno ${ctx.versions.deno}
    · TensorFlow.js ${ctx.versions.tfjs}.</footer>
      </body>
    </html>
  `;
}
