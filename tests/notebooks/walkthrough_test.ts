/**
 * The committed walk-through notebooks (`notebooks/*.ipynb`) run top to bottom and show their key
 * results. They run from copies in a temporary directory (the committed files are not touched):
 * `.tmp/notebooks-test-XXX/notebooks/`, with the paths that point into the project (`../src/…`,
 * `../data/fixtures/…`) pointed three levels up, so that everything the notebooks write (the demo
 * CSV, saved LSTMs, the report) lands in the temporary directory. Takes about 3 minutes on 2
 * cores: it trains the LSTMs of notebooks 02–04 from scratch.
 */

import { join } from "node:path";
import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { ROOT } from "../helpers/cli.ts";
import { joinText, JUPYTER, notebookDir, readCells, runTask } from "../helpers/jupyter.ts";
import type { SavedCell } from "../helpers/jupyter.ts";
import { testNeedingTool } from "../helpers/requires.ts";

/** What each notebook must show: text in its outputs, and the fewest charts. */
const EXPECTED: Record<string, { shows: string[]; charts: number }> = {
  "01-data.ipynb": {
    shows: [
      "synthetic (seed 42): 3,650 daily values",
      "The return process: generator vs estimate",
      "order lines read",
      "Real data: 66 of 365 days without any sale",
      "Detected calendar: closed: Saturdays",
      "Returns of the real products",
    ],
    charts: 8,
  },
  "02-training.ipynb": {
    shows: ["lstm-seed epoch 1/15", "lstm epoch 1/60", "lstm-seed (original)", "lstm (ours)"],
    charts: 5,
  },
  "03-evaluation.ipynb": {
    shows: [
      "Backtest leaderboard: sales",
      "Backtest leaderboard: returns",
      "<strong>",
      "What auto chooses",
      "Share of actual days inside the intervals",
    ],
    charts: 4,
  },
  "04-inventory.ipynb": {
    shows: [
      "Stock levels from the forecast",
      "multiplier-matched",
      "The fill-rate target of",
      "least-cost policy costs",
      "report.html",
      "forecast.csv",
    ],
    charts: 2,
  },
};

/** The mark of a chart drawn by the report's chart functions. */
const CHART = 'class="returncast-chart"';

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** A notebook's code cells with paths into the project pointed `up` instead of one level up. */
function relocate(notebook: { cells: SavedCell[] }, up: string) {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    cell.source = joinText(cell.source)
      .replaceAll('"../src/', `"${up}src/`)
      .replaceAll('"../data/fixtures/', `"${up}data/fixtures/`);
  }
  return notebook;
}

/** Every output of a notebook's cells as one text, and the number of charts among them. */
function outputsOf(cells: readonly SavedCell[]): { text: string; charts: number } {
  let text = "";
  let charts = 0;
  for (const cell of cells) {
    for (const output of cell.outputs ?? []) {
      text += joinText(output.text);
      for (const value of Object.values(output.data ?? {})) {
        const content = joinText(value);
        text += content;
        charts += count(content, CHART);
      }
    }
  }
  return { text, charts };
}

testNeedingTool("the four walk-through notebooks run and show their results", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    const copies = join(dir.path, "notebooks");
    await Deno.mkdir(copies);
    for (const name of Object.keys(EXPECTED)) {
      const notebook = JSON.parse(await Deno.readTextFile(join(ROOT, "notebooks", name)));
      await Deno.writeTextFile(join(copies, name), JSON.stringify(relocate(notebook, "../../../")));
    }
    const html = join(dir.path, "html");
    const result = await runTask(["--dir", copies, "--html", "--html-dir", html]);
    assertEquals(result.code, 0, result.stderr);
    assertEquals(result.stderr, "", "no warnings (a chart as image/svg+xml would be one)");
    assertIncludes(result.stdout, "4 notebooks ran in ");
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const cells = await readCells(join(copies, name));
      cells.filter((cell) => cell.cell_type === "code").forEach((cell, i) => {
        assert(cell.execution_count === i + 1, `${name}: code cell ${i + 1} ran`);
        const errors = (cell.outputs ?? []).filter((output) => output.output_type === "error");
        assertEquals(errors.length, 0, `${name}: code cell ${i + 1} has no error`);
      });
      const { text, charts } = outputsOf(cells);
      for (const shown of expected.shows) {
        assert(text.includes(shown), `${name} shows ${JSON.stringify(shown)}`);
      }
      assert(charts >= expected.charts, `${name}: ${charts} charts, want ≥ ${expected.charts}`);
      const exported = await Deno.readTextFile(join(html, name.replace(".ipynb", ".html")));
      assertEquals(count(exported, CHART), charts, `${name}: charts in the HTML export`);
    }
    const report = await Deno.readTextFile(join(dir.path, "reports/notebook-demo/report.html"));
    assertIncludes(report, "P001");
  } finally {
    await dir.cleanup();
  }
});
