import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { JUPYTER, notebookDir, readCells, runExecutor, writeNotebook } from "../helpers/jupyter.ts";
import { testNeedingTool } from "../helpers/requires.ts";
import { SHOWCASE, SHOWCASE_OUTPUTS, summarise } from "./showcase.ts";

/** One line on stderr, exit code 1. */
function assertOneLineFailure(result: { code: number; stderr: string }, expected: string) {
  assertEquals(result.code, 1, `exit code (stderr: ${result.stderr})`);
  assertEquals(result.stderr.trimEnd().split("\n").length, 1, `one line: ${result.stderr}`);
  assertEquals(result.stderr.trimEnd(), expected);
}

testNeedingTool("execute.py keeps every output, identically, over 10 runs", JUPYTER, async () => {
  // The regression test for outputs Deno's kernel publishes after reporting a cell idle:
  // `nbconvert --execute` loses some of them in most runs of this notebook.
  const dir = await notebookDir();
  try {
    const source = `${dir.path}/showcase.ipynb`;
    await writeNotebook(source, SHOWCASE);
    const pristine = await Deno.readTextFile(source);
    let first: string | undefined;
    for (let run = 1; run <= 10; run++) {
      await Deno.writeTextFile(source, pristine);
      const result = await runExecutor(source);
      assertEquals(result.code, 0, `run ${run}: ${result.stderr}`);
      assertEquals(result.stderr, "", `run ${run}: nothing on stderr`);
      assertEquals(summarise(await readCells(source)), SHOWCASE_OUTPUTS, `outputs of run ${run}`);
      const saved = await Deno.readTextFile(source);
      first ??= saved;
      assert(saved === first, `run ${run} saved a different file than run 1`);
    }
  } finally {
    await dir.cleanup();
  }
});

testNeedingTool(
  "execute.py clears stale outputs and timing metadata, and numbers missing ids",
  JUPYTER,
  async () => {
    const dir = await notebookDir();
    try {
      const path = `${dir.path}/stale.ipynb`;
      await writeNotebook(path, ['console.log("fresh")', "1 + 1"]);
      const notebook = JSON.parse(await Deno.readTextFile(path));
      for (const cell of notebook.cells) {
        delete cell.id; // nbformat would invent random ones; execute.py numbers them
        cell.execution_count = 7;
        cell.metadata = { execution: { "iopub.status.busy": "2024-01-01T00:00:00Z" }, tags: ["x"] };
        cell.outputs = [{ output_type: "stream", name: "stdout", text: "stale\n" }];
      }
      await Deno.writeTextFile(path, JSON.stringify(notebook));
      const result = await runExecutor(path);
      assertEquals(result.code, 0, result.stderr);
      const cells = await readCells(path);
      assertEquals(summarise(cells), [
        [1, "stream stdout: fresh\n"],
        [2, "execute_result text/plain: 2"],
      ]);
      for (const cell of cells) assertEquals(cell.metadata, { tags: ["x"] }, "metadata kept");
      assertEquals(cells.map((cell) => cell.id), ["cell-1", "cell-2"]);
      const text = await Deno.readTextFile(path);
      assert(!text.includes("iopub") && !text.includes("stale"), "no timing, no stale output");
    } finally {
      await dir.cleanup();
    }
  },
);

testNeedingTool("execute.py names where a cell does not parse", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    const path = `${dir.path}/syntax.ipynb`;
    await writeNotebook(path, ["1", "// totals\nconst total = 1;\nlet y: = 2", "3"]);
    const result = await runExecutor(path);
    assertEquals(result.code, 1, result.stderr);
    const line = result.stderr.trimEnd();
    assertEquals(line.split("\n").length, 1, `one line: ${line}`);
    const start = `${path}: cell 2 (// totals): SyntaxError: Unexpected token \`=\``;
    assert(line.startsWith(start), `names the cell and the error: ${line}`);
    assert(line.endsWith("(line 3, column 8)"), `names the line and column: ${line}`);
    const cells = summarise(await readCells(path));
    assertEquals(cells[1].length, 2, "the failing cell shows the error");
    assertIncludes(String(cells[1][1]), "error: SyntaxError: Unexpected token");
    assertEquals(cells[2], [null], "the cell after it did not run");
  } finally {
    await dir.cleanup();
  }
});

testNeedingTool("execute.py stops a cell at --timeout and says so", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    const path = `${dir.path}/slow.ipynb`;
    await writeNotebook(path, [
      'console.log("start")',
      "await new Promise((r) => setTimeout(r, 20_000))",
    ]);
    const result = await runExecutor(path, ["--timeout", "1"]);
    assertOneLineFailure(
      result,
      `${path}: cell 2 (await new Promise((r) => setTimeout(r, 20_000))): TimeoutError: the ` +
        "cell did not finish within 1 s; raise --timeout or make the cell faster",
    );
    assertEquals(summarise(await readCells(path))[0], [1, "stream stdout: start\n"]);
  } finally {
    await dir.cleanup();
  }
});

testNeedingTool("execute.py reports a kernel that exits", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    const path = `${dir.path}/exit.ipynb`;
    await writeNotebook(path, ["Deno.exit(3)"]);
    const result = await runExecutor(path);
    assertOneLineFailure(
      result,
      `${path}: cell 1 (Deno.exit(3)): KernelDied: the Deno kernel exited (code 3) while ` +
        "running the cell",
    );
  } finally {
    await dir.cleanup();
  }
});

testNeedingTool("execute.py rejects a file that is not a notebook (exit 2)", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    const path = `${dir.path}/broken.ipynb`;
    await Deno.writeTextFile(path, "{ not json");
    const result = await runExecutor(path);
    assertEquals(result.code, 2, result.stderr);
    assertEquals(result.stderr.trimEnd().split("\n").length, 1, result.stderr);
    assertIncludes(result.stderr, `${path}: cannot read the notebook: `);
    assertEquals(await Deno.readTextFile(path), "{ not json", "left as it was");
  } finally {
    await dir.cleanup();
  }
});
