/**
 * Long tables in print: the HTML keeps every row, the PDF prints at most {@link PRINTED_ROWS} of
 * them (the rest are hidden by the print style) and says where the others are. At 10,000
 * products the products table alone would be about 300 pages of the PDF, which no one reads and
 * which Chromium has to lay out.
 * @module
 */

import { type Html, html, raw } from "../html.ts";

/** Most rows a long table prints in the PDF. */
export const PRINTED_ROWS = 200;

/** The class of a table row that is shown on screen and not printed. */
export const SCREEN_ONLY = "screen-only";

/**
 * The indexes of the rows to print: every row in `must` first, then the rows of highest
 * `priority` (earlier rows on ties) up to `limit` rows in all — every row when there are no more
 * than `limit`.
 */
export function printedRows(
  priority: readonly number[],
  must: ReadonlySet<number> = new Set(),
  limit = PRINTED_ROWS,
): Set<number> {
  const printed = new Set<number>();
  if (priority.length <= limit) {
    for (let i = 0; i < priority.length; i++) printed.add(i);
    return printed;
  }
  for (const i of must) printed.add(i);
  const order = priority.map((_, i) => i).sort((a, b) => priority[b] - priority[a] || a - b);
  for (const i of order) {
    if (printed.size >= limit) break;
    printed.add(i);
  }
  return printed;
}

/** The row's attributes: `class="screen-only"` when it is not printed, else none. */
export function rowAttributes(printed: ReadonlySet<number> | undefined, index: number): Html {
  return !printed || printed.has(index) ? raw("") : raw(` class="${SCREEN_ONLY}"`);
}

/**
 * A note that shows in print only, when the table printed fewer rows than it has: how many it
 * printed, which, and where the rest are.
 */
export function printedNote(printed: number, total: number, which: string, where: string): Html {
  if (printed >= total) return raw("");
  const text = `The PDF lists ${printed} of the ${total} rows: ${which}. Every row is in ${where}.`;
  return html`<p class="note print-only">${text}</p>`;
}

/** The print style of the limit: hides the rows not printed, shows the print-only notes. */
export const PRINT_LIMIT_CSS = `
.print-only { display: none; }
@media print {
  tr.${SCREEN_ONLY} { display: none; }
  .print-only { display: block; }
}
`;
