/**
 * HTML export of an executed notebook through nbconvert (`python -m nbconvert --to html`).
 * nbconvert keeps `text/html` outputs as they are, inline `<svg>` included, but blanks
 * `image/svg+xml` outputs (a bare SVG element as a cell's value) — so charts are shown with
 * `Deno.jupyter.html`, and {@link svgOnlyCells} finds the cells that would come out blank.
 * @module
 */

import { writeFileAtomic } from "../../src/io/write_atomic.ts";

/** The parts of a notebook's JSON that {@link svgOnlyCells} reads. */
interface NotebookJson {
  cells?: {
    cell_type?: string;
    execution_count?: number | null;
    outputs?: { data?: Record<string, unknown> }[];
  }[];
}

/**
 * The cells (by execution count, else 1-based position) with an `image/svg+xml` output that has
 * no `text/html` alternative: nbconvert's HTML export shows them empty.
 *
 * @example
 * ```ts
 * import { svgOnlyCells } from "./export_html.ts";
 * const svg = { data: { "image/svg+xml": "<svg/>" } };
 * const html = { data: { "text/html": "<svg/>" } };
 * svgOnlyCells({ cells: [{ cell_type: "code", execution_count: 1, outputs: [svg] },
 *   { cell_type: "code", execution_count: 2, outputs: [html] }] }); // [1]
 * ```
 */
export function svgOnlyCells(notebook: NotebookJson): number[] {
  const found: number[] = [];
  (notebook.cells ?? []).forEach((cell, index) => {
    if (cell.cell_type !== "code") return;
    const blank = (cell.outputs ?? []).some((output) =>
      output.data !== undefined && "image/svg+xml" in output.data && !("text/html" in output.data)
    );
    if (blank) found.push(cell.execution_count ?? index + 1);
  });
  return found;
}

/**
 * Exports `notebook` (already executed; it is not run again) to the HTML file `out`, written
 * atomically. Throws an `Error` with nbconvert's last message when the export fails.
 */
export async function exportHtml(python: string, notebook: string, out: string): Promise<void> {
  const result = await new Deno.Command(python, {
    args: ["-m", "nbconvert", "--to", "html", "--stdout", notebook],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!result.success) {
    const lines = new TextDecoder().decode(result.stderr).split("\n").filter((l) => l.trim());
    throw new Error(
      `${notebook}: HTML export failed: ${lines.at(-1) ?? `nbconvert exited ${result.code}`}`,
    );
  }
  await writeFileAtomic(out, result.stdout);
}
