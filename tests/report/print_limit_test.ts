/** Long tables print at most PRINTED_ROWS rows in the PDF and say where the rest are. */

import { findChromium } from "../../src/report/chromium.ts";
import { html, raw } from "../../src/report/html.ts";
import { renderPdf } from "../../src/report/pdf.ts";
import {
  PRINT_LIMIT_CSS,
  PRINTED_ROWS,
  printedNote,
  printedRows,
  rowAttributes,
} from "../../src/report/sections/print_limit.ts";
import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { CHROMIUM, POPPLER, testNeedingTool } from "../helpers/requires.ts";
import { SUMMARY_SECTION } from "../../src/report/sections/summary.ts";
import { ALERTS_SECTION } from "../../src/report/sections/alerts.ts";
import type { Alert } from "../../src/inventory/alerts/types.ts";
import { smallRun } from "./explorer/run_fixture.ts";

Deno.test("a table of up to the limit prints every row", () => {
  assertEquals([...printedRows([3, 1, 2], new Set(), 3)], [0, 1, 2]);
  assertEquals(printedRows(new Array(PRINTED_ROWS).fill(0)).size, PRINTED_ROWS);
  assertEquals(String(printedNote(3, 3, "all", "report.html")), "");
});

Deno.test("a longer table prints the rows it must, then the highest priorities, earlier rows on ties", () => {
  const priority = [5, 1, 9, 1, 7, 1];
  const printed = printedRows(priority, new Set([3]), 4);
  assertEquals([...printed].sort(), [0, 2, 3, 4], "row 3 must print; then 9, 7, 5");
  const ties = printedRows([1, 1, 1, 1, 1], new Set(), 2);
  assertEquals([...ties].sort(), [0, 1]);
  assertEquals(String(rowAttributes(printed, 1)), ` class="screen-only"`);
  assertEquals(String(rowAttributes(printed, 2)), "");
  assertEquals(String(rowAttributes(undefined, 1)), "", "no limit: every row prints");
  assertIncludes(String(printedNote(4, 6, "the largest", "plan.csv")), "lists 4 of the 6 rows");
});

testNeedingTool(
  "the PDF leaves out the rows not printed and carries the note; the HTML keeps them",
  [CHROMIUM, POPPLER],
  async () => {
    const dir = await tempDir();
    try {
      const count = PRINTED_ROWS + 30;
      // Row k has priority k: the 30 lowest (rows 0–29) are left out of the PDF.
      const printed = printedRows(Array.from({ length: count }, (_, k) => k));
      const rows = Array.from(
        { length: count },
        (_, k) =>
          html`
            <tr${rowAttributes(printed, k)}>
              <td>${`item-${k}-end`}</td>
              </tr>
          `,
      );
      const page = String(html`
        <!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8">
            <title>limit</title>
            <style>${raw(PRINT_LIMIT_CSS)}</style>
          </head>
          <body><table><tbody>${rows}</tbody></table>${printedNote(
            printed.size,
            count,
            "the largest",
            "report.html",
          )}</body>
        </html>
      `);
      await Deno.writeTextFile(`${dir.path}/report.html`, page);
      const pdfPath = `${dir.path}/report.pdf`;
      await renderPdf({
        htmlPath: `${dir.path}/report.html`,
        pdfPath,
        executablePath: findChromium()!,
        title: "limit",
      });
      const output = await new Deno.Command("pdftotext", { args: [pdfPath, "-"] }).output();
      const text = new TextDecoder().decode(output.stdout);
      for (const k of [0, 29]) assert(!text.includes(`item-${k}-end`), `row ${k} is not printed`);
      for (const k of [30, 31, count - 1]) assertIncludes(text, `item-${k}-end`);
      assertIncludes(
        text.replace(/\s+/g, " "),
        `The PDF lists ${PRINTED_ROWS} of the ${count} rows`,
      );
      assertIncludes(page, "item-0-end", "the HTML keeps every row");
    } finally {
      await dir.cleanup();
    }
  },
);

Deno.test("the products and alerts tables of a long report print the limit's rows", async () => {
  const ctx = await smallRun(3);
  const first = ctx.figures.products[0];
  const count = PRINTED_ROWS + 10;
  // Product i sells i + 1 a day; the detail product (P000) sells least and still prints.
  const products = Array.from(
    { length: count },
    (_, i) => ({ ...first, productId: i === 0 ? first.productId : `X${i}`, salesPerDay: i + 1 }),
  );
  const wide = { ...ctx, figures: { ...ctx.figures, products, detailed: [first.productId] } };
  const summary = String(SUMMARY_SECTION.render(wide));
  const hidden = [...summary.matchAll(/<tr class="screen-only">\s*<td>([^<]*)</g)].map((m) => m[1]);
  assertEquals(
    hidden,
    Array.from({ length: 10 }, (_, i) => `X${i + 1}`),
    "the 10 smallest left out",
  );
  assertIncludes(summary, `The PDF lists ${PRINTED_ROWS} of the ${count} rows`);
  const alerts: Alert[] = Array.from({ length: count }, (_, i) => ({
    productId: `X${i}`,
    severity: i < 5 ? "high" : "low",
    rule: "return-rate",
    value: 0.2,
    threshold: 0.15,
    message: `alert-${i}`,
    action: "check",
  }));
  const section = String(ALERTS_SECTION.render({ ...ctx, alerts }));
  const left = [...section.matchAll(/<tr class="screen-only">.*?(alert-\d+)/g)].map((m) => m[1]);
  assertEquals(
    left,
    Array.from({ length: 10 }, (_, i) => `alert-${PRINTED_ROWS + i}`),
    "the last 10",
  );
  assertIncludes(
    section,
    `The PDF lists ${PRINTED_ROWS} of the ${count} rows: the most severe first`,
  );
  assert(
    !String(SUMMARY_SECTION.render(ctx)).includes("screen-only"),
    "a short table prints whole",
  );
});
