/**
 * Assembles `report.html`: one self-contained page (inline CSS and SVG, no script, no request to
 * any network) from the report context — the header, the table of contents, then every section
 * of the registry. Everything from the data passes through the escaping `html` template.
 * @module
 */

import { html, raw } from "./html.ts";
import type { ReportContext } from "./context.ts";
import { REPORT_CSS } from "./style.ts";
import { contentsSection, headerSection } from "./sections/header.ts";
import { SECTIONS } from "./sections/registry.ts";
import { joinHtml } from "./sections/section.ts";
import { RUN_FILES } from "../outputs/run_files.ts";

/** The whole report page. */
export function renderReportHtml(ctx: ReportContext): string {
  const sections = joinHtml(SECTIONS.map((section) => html`${section.render(ctx)}`), "\n    ");
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
    ${contentsSection(ctx, SECTIONS)}
    ${sections}
    <footer>Files beside this report: ${RUN_FILES.join(", ")}. Returncast ${ctx.versions
      .returncast} · Deno ${ctx.versions.deno}
    · TensorFlow.js ${ctx.versions.tfjs}.</footer>
      </body>
    </html>
  `;
}
