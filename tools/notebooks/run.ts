/**
 * `deno task notebooks [--html] [--only NAME]`: runs the project's Deno-kernel notebooks
 * (`notebooks/*.ipynb`, sorted by name) in place, one after the other, and with `--html` exports
 * each to `reports/notebooks/NAME.html`. Stops at the first failing notebook: exit code 1 and one
 * line `error: NOTEBOOK: cell N (first line of the cell): ErrorName: message`, where N is the
 * `[N]` execution count shown next to the cell in the saved notebook.
 *
 * How it runs: it writes a kernelspec for the running Deno binary (`Deno.execPath()`, the same
 * spec `deno jupyter --install` writes) to `.tmp/jupyter/kernels/returncast-deno/` and puts that
 * directory first on `JUPYTER_PATH`, so the user's own Jupyter setup is neither needed nor
 * touched. Each notebook is run by `execute.py` on a Python that has jupyter_client (Debian's
 * `/usr/bin/python3`, not a pyenv `python3`), not by `jupyter nbconvert --execute`: Deno's kernel
 * sometimes publishes a cell's last outputs just after reporting the cell idle, and nbclient
 * drops them — on a test notebook it lost one to six outputs in each of 10 runs out of 10, while
 * execute.py, which keeps listening after idle, kept every output in 10 runs out of 10.
 *
 * What a notebook cell can do (checked with Deno 2.9 and jupyter_client 7.4):
 * - **Working directory**: the kernel starts in the notebook's directory, so `Deno.cwd()` is
 *   `notebooks/` and relative paths in cells (`"../data/sales_returns_data.csv"`) are relative to
 *   it.
 * - **Project modules**: relative imports resolve against that directory:
 *   `import { formatIsoDay } from "../src/data/dates.ts";` (static or `await import(…)`).
 * - **Import map**: the kernel finds `deno.json` by walking up from its working directory, so a
 *   notebook inside the project gets its `imports`: `import * as Plot from "@observablehq/plot"`
 *   works, and so do project modules that use bare specifiers. A notebook outside the project
 *   gets no import map ("Import "@observablehq/plot" not a dependency"); `npm:` and absolute
 *   `file://` specifiers still work there.
 * - **Display**: `Deno.jupyter.html\`…\`` as a cell's value gives a `text/html` output;
 *   `await Deno.jupyter.display(Deno.jupyter.html\`…\`)` shows several in one cell. nbconvert's
 *   HTML export keeps `text/html` (inline `<svg>` included) but blanks `image/svg+xml` — and a
 *   bare SVG element as a cell's value (`Plot.plot(…)` without title or legend returns one) is
 *   shown as `image/svg+xml`. Show charts with `Deno.jupyter.html\`${chart.outerHTML}\``;
 *   `--html` warns about cells that would come out blank.
 * - **Top-level await** works. Cells share one scope; a later cell may redeclare a `const`.
 * - **`import.meta`** is a SyntaxError in a cell ("Cannot use 'import.meta' outside a module"),
 *   even inside `try`: use `Deno.cwd()` instead.
 * - **No type checking**: `const x: number = "a"` runs. Keep logic in `src/` (checked by
 *   `deno check`) and notebooks thin.
 * - **Syntax errors** come back from the kernel as a bare "Execution failed"; execute.py parses
 *   the cell again with `deno fmt` to report the real message with its line and column.
 * - Cells run with all permissions and `NO_COLOR=1` (no colour codes in saved outputs).
 * @module
 */

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineCommand, helpText, parseFlags } from "../../src/cli/args.ts";
import { decimal, type Option, path, toggle } from "../../src/config/option.ts";
import { InputError } from "../../src/io/errors.ts";
import { exportHtml, svgOnlyCells } from "./export_html.ts";
import { installKernelSpec, jupyterPathWith, KERNEL_NAME } from "./kernelspec.ts";
import { EXECUTOR_MODULES, EXPORT_MODULES, findPython, missingPythonMessage } from "./python.ts";

/** The repository root, where `.tmp/jupyter/` holds the kernelspec. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The executor script run for each notebook. */
export const EXECUTOR = fileURLToPath(new URL("./execute.py", import.meta.url));

/** Where the notebooks are, and where `--html` writes, by default (relative to the cwd). */
export const DEFAULTS = { dir: "notebooks", htmlDir: "reports/notebooks", timeout: 600 };

/** The notebooks that `dir` holds, sorted by name, narrowed to `only` (names with or without
 * `.ipynb`) when given. Throws an `InputError` for a missing directory, no notebooks, or an
 * unknown name. */
export async function listNotebooks(dir: string, only?: readonly string[]): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(".ipynb") && !entry.name.startsWith(".")) {
        names.push(entry.name);
      }
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`notebook directory ${dir} does not exist`);
    }
    throw error;
  }
  names.sort();
  if (names.length === 0) throw new InputError(`no notebooks (*.ipynb) in ${dir}`);
  if (only === undefined) return names;
  return only.map((wanted) => {
    const name = wanted.endsWith(".ipynb") ? wanted : `${wanted}.ipynb`;
    if (!names.includes(name)) {
      throw new InputError(
        `--only: no notebook ${JSON.stringify(wanted)} in ${dir}; there are ${names.join(", ")}`,
      );
    }
    return name;
  });
}

/** What {@link runNotebooks} needs; `main` fills it from the flags. */
export interface RunOptions {
  /** The directory of the notebooks. */
  dir: string;
  /** Notebook names to run, in this order; all of `dir` when absent. */
  only?: string[];
  /** Where to write NAME.html for each notebook; no export when absent. */
  htmlDir?: string;
  /** Seconds one cell may run. */
  timeout: number;
}

/**
 * Runs the notebooks in order, printing a line per notebook; returns 0, or throws at the first
 * notebook that fails with its one-line message (an `InputError` when the notebook cannot be
 * read at all).
 */
export async function runNotebooks(options: RunOptions): Promise<number> {
  const names = await listNotebooks(options.dir, options.only);
  const modules = options.htmlDir ? [...EXECUTOR_MODULES, ...EXPORT_MODULES] : EXECUTOR_MODULES;
  const python = findPython(modules);
  if (python === undefined) throw new Error(missingPythonMessage(modules));
  const jupyterDir = await installKernelSpec(join(ROOT, ".tmp", "jupyter"));
  const env = { JUPYTER_PATH: jupyterPathWith(jupyterDir), PYTHONWARNINGS: "ignore" };
  const started = performance.now();
  for (const name of names) {
    const notebook = join(options.dir, name);
    const begin = performance.now();
    const result = await new Deno.Command(python, {
      args: [
        EXECUTOR,
        notebook,
        "--timeout",
        String(options.timeout),
        "--kernel-name",
        KERNEL_NAME,
      ],
      env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!result.success) {
      console.log(`failed ${notebook} after ${seconds(begin)}`);
      const lines = new TextDecoder().decode(result.stderr).split("\n").filter((l) => l.trim());
      const message = lines.at(-1) ?? `${notebook}: the executor exited with code ${result.code}`;
      throw result.code === 2 ? new InputError(message) : new Error(message);
    }
    console.log(`ran ${notebook} in ${seconds(begin)}`);
    if (options.htmlDir) {
      const blank = svgOnlyCells(JSON.parse(await Deno.readTextFile(notebook)));
      if (blank.length > 0) {
        const which = blank.length === 1
          ? `cell ${blank[0]} shows`
          : `cells ${blank.join(", ")} show`;
        console.error(
          `warning: ${notebook}: ${which} image/svg+xml, which the HTML export blanks; ` +
            "display charts with Deno.jupyter.html`${chart.outerHTML}`",
        );
      }
      const out = join(options.htmlDir, name.replace(/\.ipynb$/, ".html"));
      const exportBegin = performance.now();
      await exportHtml(python, notebook, out);
      console.log(`wrote ${out} in ${seconds(exportBegin)}`);
    }
  }
  const count = names.length === 1 ? "1 notebook" : `${names.length} notebooks`;
  console.log(`${count} ran in ${seconds(started)}`);
  return 0;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** The `notebooks` command: flags, help and the run. */
export const notebooksCommand = defineCommand({
  name: "notebooks",
  summary: "run the Deno-kernel notebooks in place, in order (and export them to HTML)",
  options: {
    html: toggle("html", "also export each notebook to HTML in --html-dir"),
    only: {
      flag: "only",
      value: "NAMES",
      help: "run only these notebooks (comma-separated, with or without .ipynb)",
      blankIsAbsent: true,
      parse(text) {
        const names = text.split(",").map((n) => n.trim()).filter((n) => n);
        if (names.length === 0) throw new InputError("--only must name at least one notebook");
        return names;
      },
    } as Option<string[]>,
    dir: path("dir", { value: "DIR", default: DEFAULTS.dir, help: "notebook directory" }),
    htmlDir: path("html-dir", {
      value: "DIR",
      default: DEFAULTS.htmlDir,
      help: "where --html writes NAME.html",
    }),
    timeout: decimal("timeout", {
      value: "SECONDS",
      default: DEFAULTS.timeout,
      min: 1,
      max: 7 * 86_400,
      help: "seconds one cell may run",
    }),
  },
  examples: [
    "deno task notebooks",
    "deno task notebooks --html",
    "deno task notebooks --only 01-data --html",
  ],
  run(config) {
    return runNotebooks({
      dir: config.dir,
      only: config.only,
      htmlDir: config.html ? config.htmlDir : undefined,
      timeout: config.timeout,
    });
  },
});

/** Runs the command with `args`; returns the exit code (0 done, 1 failed, 2 bad usage/input). */
export async function main(args: string[]): Promise<number> {
  try {
    const values = parseFlags(notebooksCommand, args);
    if (values.help) {
      console.log(helpText(notebooksCommand));
      return 0;
    }
    return await notebooksCommand.run(values);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error: ${message.split("\n")[0]}`);
    return error instanceof InputError ? 2 : 1;
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
