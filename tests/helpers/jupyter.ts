/**
 * Jupyter for the notebook tests: the tool description for `testNeedingTool`, throwaway
 * notebooks inside the project (so the kernel finds deno.json and `../../src/…` imports work),
 * and readers for what the executor saved.
 */

import { join } from "node:path";
import type { Tool } from "./requires.ts";
import { ROOT } from "./cli.ts";
import { EXECUTOR } from "../../tools/notebooks/run.ts";
import {
  installKernelSpec,
  jupyterPathWith,
  KERNEL_NAME,
} from "../../tools/notebooks/kernelspec.ts";
import {
  EXECUTOR_MODULES,
  EXPORT_MODULES,
  findPython,
  INSTALL_JUPYTER,
} from "../../tools/notebooks/python.ts";

let python: string | null | undefined;

/** The Python with jupyter_client, nbformat and nbconvert (looked up once), or `undefined`. */
export function jupyterPython(): string | undefined {
  if (python === undefined) python = findPython([...EXECUTOR_MODULES, ...EXPORT_MODULES]) ?? null;
  return python ?? undefined;
}

/** Jupyter as the notebook tests need it: the executor's and the HTML export's modules. */
export const JUPYTER: Tool = {
  what: "Jupyter (jupyter_client, nbclient, nbconvert)",
  found: () => jupyterPython() !== undefined,
  install: INSTALL_JUPYTER,
};

/** A cell of a test notebook: code (a string) or a markdown cell. */
export type CellSpec = string | { markdown: string };

/** One saved output, as nbformat writes it (multi-line text may be a list of lines). */
export interface SavedOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
  execution_count?: number | null;
}

/** One saved cell. */
export interface SavedCell {
  cell_type: string;
  id?: string;
  execution_count?: number | null;
  outputs?: SavedOutput[];
  metadata: Record<string, unknown>;
  source: string | string[];
}

/** nbformat's multi-line text (a string or a list of lines) as one string. */
export function joinText(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join("") : text ?? "";
}

/** Writes an nbformat 4.5 notebook with `cells` to `path`, as a notebook editor would. */
export async function writeNotebook(path: string, cells: readonly CellSpec[]): Promise<void> {
  const notebook = {
    cells: cells.map((cell, i) =>
      typeof cell === "string"
        ? {
          cell_type: "code",
          execution_count: null,
          id: `cell-${i + 1}`,
          metadata: {},
          outputs: [],
          source: cell,
        }
        : { cell_type: "markdown", id: `cell-${i + 1}`, metadata: {}, source: cell.markdown }
    ),
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  await Deno.writeTextFile(path, JSON.stringify(notebook, null, 1) + "\n");
}

/** The cells of a saved notebook. */
export async function readCells(path: string): Promise<SavedCell[]> {
  return JSON.parse(await Deno.readTextFile(path)).cells;
}

/**
 * A fresh directory under the project's `.tmp/`, two levels below the root, so that a notebook
 * in it imports project modules as `../../src/…` and gets deno.json's import map — as a notebook
 * in `notebooks/` does with `../src/…`.
 */
export async function notebookDir(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const parent = join(ROOT, ".tmp");
  await Deno.mkdir(parent, { recursive: true });
  const path = await Deno.makeTempDir({ dir: parent, prefix: "notebooks-test-" });
  return { path, cleanup: () => Deno.remove(path, { recursive: true }) };
}

/** What a run printed, and how it ended. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `execute.py NOTEBOOK ...args` as the notebooks task does (same kernelspec, same env). */
export async function runExecutor(notebook: string, args: string[] = []): Promise<RunResult> {
  const py = jupyterPython();
  if (py === undefined) throw new Error(`Jupyter is missing: ${INSTALL_JUPYTER}`);
  const jupyterDir = await installKernelSpec(join(ROOT, ".tmp", "jupyter"));
  const output = await new Deno.Command(py, {
    args: [EXECUTOR, notebook, "--kernel-name", KERNEL_NAME, ...args],
    env: { JUPYTER_PATH: jupyterPathWith(jupyterDir) },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

/** Runs `deno run -A tools/notebooks/run.ts ...args` from the root, as `deno task notebooks`. */
export async function runTask(args: string[]): Promise<RunResult> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-all", "--quiet", join(ROOT, "tools/notebooks/run.ts"), ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}
