/**
 * A project-local Jupyter kernelspec for Deno. `deno jupyter --install` writes one into the
 * user's Jupyter data directory; the notebooks task writes the same spec under `.tmp/jupyter/`
 * instead and points `JUPYTER_PATH` at it, so running the notebooks never touches the user's
 * global Jupyter setup and always uses the Deno binary that runs the task.
 * @module
 */

import { join } from "node:path";
import { writeFileAtomic } from "../../src/io/write_atomic.ts";

/** The kernel name the notebooks task starts. */
export const KERNEL_NAME = "returncast-deno";

/** The kernelspec `kernel.json`, shaped as `deno jupyter --install` writes it. */
export interface KernelSpec {
  /** The command Jupyter runs; `{connection_file}` is replaced by the connection file's path. */
  argv: string[];
  /** The name notebook front ends show. */
  display_name: string;
  /** The kernel's language. */
  language: string;
}

/**
 * The kernelspec for a Deno binary: the same `argv` as `deno jupyter --install` writes.
 *
 * @example
 * ```ts
 * import { kernelSpec } from "./kernelspec.ts";
 * kernelSpec("/usr/bin/deno").argv;
 * // ["/usr/bin/deno", "jupyter", "--kernel", "--conn", "{connection_file}"]
 * ```
 */
export function kernelSpec(denoPath: string): KernelSpec {
  return {
    argv: [denoPath, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno (Returncast)",
    language: "typescript",
  };
}

/**
 * Writes the kernelspec into `<jupyterDir>/kernels/<name>/kernel.json` and returns `jupyterDir`,
 * the directory to put on `JUPYTER_PATH`. Rewritten on every run (atomically, so concurrent runs
 * are safe), so it follows the Deno binary in use.
 */
export async function installKernelSpec(
  jupyterDir: string,
  denoPath: string = Deno.execPath(),
  name: string = KERNEL_NAME,
): Promise<string> {
  const file = join(jupyterDir, "kernels", name, "kernel.json");
  await writeFileAtomic(file, JSON.stringify(kernelSpec(denoPath), null, 2) + "\n");
  return jupyterDir;
}

/** `JUPYTER_PATH` with `dir` first, ahead of whatever the environment already lists. */
export function jupyterPathWith(dir: string, current = Deno.env.get("JUPYTER_PATH")): string {
  return current ? `${dir}:${current}` : dir;
}
