import { assert, assertEquals, assertIncludes, assertRejects } from "../helpers/assert.ts";
import {
  JUPYTER,
  notebookDir,
  readCells,
  type RunResult,
  runTask,
  writeNotebook,
} from "../helpers/jupyter.ts";
import { testNeedingTool } from "../helpers/requires.ts";
import { listNotebooks } from "../../tools/notebooks/run.ts";
import { InputError } from "../../src/io/errors.ts";
import { SHOWCASE, SHOWCASE_OUTPUTS, summarise } from "./showcase.ts";

/** Exactly one line on stderr, equal to `expected`. */
function assertOneLine(result: RunResult, expected: string) {
  const lines = result.stderr.trimEnd().split("\n");
  assertEquals(lines.length, 1, `one line on stderr: ${result.stderr}`);
  assertEquals(lines[0], expected);
}

testNeedingTool("notebooks runs a notebook in place with all its outputs", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    await writeNotebook(`${dir.path}/01_showcase.ipynb`, SHOWCASE);
    const result = await runTask(["--dir", dir.path]);
    assertEquals(result.code, 0, result.stderr);
    assertEquals(result.stderr, "");
    assertIncludes(result.stdout, `ran ${dir.path}/01_showcase.ipynb in `);
    assertIncludes(result.stdout, "1 notebook ran in ");
    assertEquals(summarise(await readCells(`${dir.path}/01_showcase.ipynb`)), SHOWCASE_OUTPUTS);
  } finally {
    await dir.cleanup();
  }
});

testNeedingTool(
  "notebooks stops at the first failing notebook with one line",
  JUPYTER,
  async () => {
    const dir = await notebookDir();
    try {
      await writeNotebook(`${dir.path}/01_first.ipynb`, ['console.log("first ran")']);
      await writeNotebook(`${dir.path}/02_broken.ipynb`, [
        'console.log("before")',
        '// the forecast horizon\nthrow new RangeError("horizon must be positive, got 0");',
        '"never"',
      ]);
      await writeNotebook(`${dir.path}/03_after.ipynb`, ['console.log("after")']);
      const untouched = await Deno.readTextFile(`${dir.path}/03_after.ipynb`);
      const result = await runTask(["--dir", dir.path]);
      assertEquals(result.code, 1, result.stderr);
      assertOneLine(
        result,
        `error: ${dir.path}/02_broken.ipynb: cell 2 (// the forecast horizon): ` +
          "RangeError: horizon must be positive, got 0",
      );
      assertIncludes(result.stdout, `ran ${dir.path}/01_first.ipynb`);
      assertIncludes(result.stdout, `failed ${dir.path}/02_broken.ipynb`);
      assert(!result.stdout.includes("03_after"), `stopped before 03: ${result.stdout}`);
      assertEquals(await Deno.readTextFile(`${dir.path}/03_after.ipynb`), untouched);
      // The partial run is saved, so the error can be read in the notebook.
      assertEquals(summarise(await readCells(`${dir.path}/02_broken.ipynb`)), [
        [1, "stream stdout: before\n"],
        [2, "error: RangeError: horizon must be positive, got 0"],
        [null],
      ]);
    } finally {
      await dir.cleanup();
    }
  },
);

testNeedingTool("notebooks --html keeps text/html outputs in the export", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    const chart = '<figure id="chart"><svg width="40" height="20"><style>.bar{fill:red}</style>' +
      '<rect class="bar" id="bar" width="5" height="5"/></svg></figure>';
    await writeNotebook(`${dir.path}/01_chart.ipynb`, [
      { markdown: "# Chart" },
      `Deno.jupyter.html\`${chart}\``,
      'Deno.jupyter.svg`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`',
    ]);
    await writeNotebook(`${dir.path}/02_other.ipynb`, ["1"]);
    const result = await runTask([
      "--dir",
      dir.path,
      "--only",
      "01_chart",
      "--html",
      "--html-dir",
      `${dir.path}/html`,
    ]);
    assertEquals(result.code, 0, result.stderr);
    assertIncludes(result.stdout, `wrote ${dir.path}/html/01_chart.html in `);
    assert(!result.stdout.includes("02_other"), "--only runs just the one named");
    assertOneLine(
      result,
      `warning: ${dir.path}/01_chart.ipynb: cell 2 shows image/svg+xml, which the HTML export ` +
        "blanks; display charts with Deno.jupyter.html`${chart.outerHTML}`",
    );
    const html = await Deno.readTextFile(`${dir.path}/html/01_chart.html`);
    assertIncludes(html, 'data-mime-type="text/html"');
    assertIncludes(html, chart);
  } finally {
    await dir.cleanup();
  }
});

testNeedingTool("notebooks --timeout stops a slow cell", JUPYTER, async () => {
  const dir = await notebookDir();
  try {
    await writeNotebook(`${dir.path}/slow.ipynb`, [
      "await new Promise((r) => setTimeout(r, 20_000))",
    ]);
    const result = await runTask(["--dir", dir.path, "--timeout", "1"]);
    assertEquals(result.code, 1, result.stderr);
    assertOneLine(
      result,
      `error: ${dir.path}/slow.ipynb: cell 1 (await new Promise((r) => setTimeout(r, 20_000))): ` +
        "TimeoutError: the cell did not finish within 1 s; raise --timeout or make the cell faster",
    );
  } finally {
    await dir.cleanup();
  }
});

Deno.test("listNotebooks sorts by name and narrows to --only", async () => {
  const dir = await notebookDir();
  try {
    for (const name of ["10_b.ipynb", "02_a.ipynb", ".hidden.ipynb", "notes.md"]) {
      await Deno.writeTextFile(`${dir.path}/${name}`, "{}");
    }
    assertEquals(await listNotebooks(dir.path), ["02_a.ipynb", "10_b.ipynb"]);
    assertEquals(await listNotebooks(dir.path, ["10_b", "02_a.ipynb"]), [
      "10_b.ipynb",
      "02_a.ipynb",
    ]);
    await assertRejects(
      () => listNotebooks(dir.path, ["03"]),
      InputError,
      `--only: no notebook "03" in ${dir.path}; there are 02_a.ipynb, 10_b.ipynb`,
    );
    await assertRejects(() => listNotebooks(`${dir.path}/none`), InputError, "does not exist");
    await Deno.mkdir(`${dir.path}/empty`);
    await assertRejects(
      () => listNotebooks(`${dir.path}/empty`),
      InputError,
      `no notebooks (*.ipynb) in ${dir.path}/empty`,
    );
  } finally {
    await dir.cleanup();
  }
});

Deno.test("notebooks --help and bad flags", async () => {
  const help = await runTask(["--help"]);
  assertEquals(help.code, 0, help.stderr);
  assertIncludes(help.stdout, "deno task notebooks — run the Deno-kernel notebooks");
  assertIncludes(help.stdout, "--only NAMES");
  const bad = await runTask(["--timeout", "0"]);
  assertEquals(bad.code, 2, bad.stderr);
  assertOneLine(bad, 'error: --timeout must be a number from 1 to 604800, got "0"');
});
