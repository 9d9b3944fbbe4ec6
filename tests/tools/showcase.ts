/**
 * The notebook the execution tests run: it prints, imports a project module and an import-map
 * package, displays HTML with `Deno.jupyter.html`, returns values, and prints right at the end of
 * cells after an `await` — where Deno's kernel publishes output after it reports idle, and
 * `nbconvert --execute` loses it.
 */

import { type CellSpec, joinText, type SavedCell } from "../helpers/jupyter.ts";

/** The cells (the notebook sits two levels below the root: `../../src/…`). */
export const SHOWCASE: readonly CellSpec[] = [
  { markdown: "# Showcase\nPrints, displays and returns." },
  'import { formatIsoDay } from "../../src/data/dates.ts";\n' +
  'console.log("first day", formatIsoDay(19358));',
  'Deno.jupyter.html`<div class="chart"><svg width="20" height="10">' +
  '<rect id="bar" width="5" height="5"/></svg></div>`',
  'import { csvParse } from "d3-dsv";\ncsvParse("a,b\\n1,2").length + 41',
  "await new Promise((resolve) => setTimeout(resolve, 20));\n" +
  "for (let i = 1; i <= 5; i++) console.log(`late ${i}`);",
  'await Deno.jupyter.display(Deno.jupyter.html`<p id="shown">shown</p>`);\n' +
  'console.log("a");\nconsole.log("b");\n"end"',
];

/** What each cell must show once executed: `[execution_count, ...outputs]` per cell. */
export const SHOWCASE_OUTPUTS = [
  [null],
  [1, "stream stdout: first day 2023-01-01\n"],
  [
    2,
    'execute_result text/html: <div class="chart"><svg width="20" height="10">' +
    '<rect id="bar" width="5" height="5"/></svg></div>',
  ],
  [3, "execute_result text/plain: 42"],
  [4, "stream stdout: late 1\nlate 2\nlate 3\nlate 4\nlate 5\n"],
  [
    5,
    'display_data text/html: <p id="shown">shown</p>',
    "stream stdout: a\nb\n",
    'execute_result text/plain: "end"',
  ],
];

/** The outputs of saved cells in the shape of {@link SHOWCASE_OUTPUTS}. */
export function summarise(cells: readonly SavedCell[]): (string | number | null)[][] {
  return cells.map((cell) => [
    cell.execution_count ?? null,
    ...(cell.outputs ?? []).map((output) => {
      if (output.output_type === "stream") return `stream ${output.name}: ${joinText(output.text)}`;
      if (output.output_type === "error") return `error: ${output.ename}: ${output.evalue}`;
      const data = output.data ?? {};
      return Object.keys(data).sort().map((mime) =>
        `${output.output_type} ${mime}: ${joinText(data[mime])}`
      ).join(" | ");
    }),
  ]);
}
