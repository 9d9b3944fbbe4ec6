/**
 * Assembles `report.html`: one self-contained page (inline CSS, SVG and scripts: no external
 * script, no request to any network) from the report context — the header, the sections that
 * come first (the explorer), the table of contents, then every other section of the registry.
 * Everything from the data passes through the escaping `html` template (or, inside a script,
 * through `embed.ts`).
 * @module
 */

import { html, raw } from "./html.ts";
import type { ReportContext } from "./context.ts";
import { REPORT_CSS } from "./style.ts";
import { contentsSection, headerSection } from "./sections/header.ts";
import { SECTIONS } from "./sections/registry.ts";
import { joinHtml, type ReportSection } from "./sections/section.ts";
import { PRINT_LIMIT_CSS } from "./sections/print_limit.ts";
import { RUN_FILES } from "../outputs/run_files.ts";

/** The whole report page. */
export function renderReportHtml(ctx: ReportContext): string {
  const render = (list: readonly ReportSection[]) =>
    joinHtml(list.map((section) => html`${section.render(ctx)}`), "\n    ");
  const first = SECTIONS.filter((section) => section.beforeContents);
  const rest = SECTIONS.filter((section) => !section.beforeContents);
  const css = [REPORT_CSS, PRINT_LIMIT_CSS, ...SECTIONS.map((section) => section.css ?? "")].join(
    "",
  );
  return "<!doctype html>\n" + html`
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>${ctx.options.title}</title>
        <style>${raw(css)}</style>
      </head>
      <body>
    ${headerSection(ctx)}
    ${render(first)}
    ${contentsSection(ctx, SECTIONS)}
    ${render(rest)}
    <footer>Files beside this report: ${RUN_FILES.join(", ")}. Returncast ${ctx.versions
      .returncast} · Deno ${ctx.versions.deno}
    · TensorFlow.js ${ctx.versions.tfjs}.</footer>
      </body>
    </html>
  `;
}
