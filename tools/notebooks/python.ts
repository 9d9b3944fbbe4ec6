/**
 * Finds a Python that can drive Jupyter. Debian's `jupyter-client`, `python3-nbclient` and
 * `jupyter-nbconvert` install into `/usr/bin/python3`, which a pyenv or virtualenv `python3`
 * earlier on `PATH` cannot import, so `/usr/bin/python3` is tried first.
 * @module
 */

/** The Debian packages that provide what the notebooks task needs. */
export const JUPYTER_PACKAGES = "jupyter-nbconvert python3-nbclient jupyter-client";

/** The command that installs them. */
export const INSTALL_JUPYTER = `apt-get install ${JUPYTER_PACKAGES}`;

/** Python modules the executor needs. */
export const EXECUTOR_MODULES: readonly string[] = ["jupyter_client", "nbformat"];

/** Python modules the HTML export needs as well. */
export const EXPORT_MODULES: readonly string[] = ["nbconvert"];

/**
 * The Pythons to try, in order: `$RETURNCAST_PYTHON` when set, Debian's `/usr/bin/python3`, then
 * whatever `python3` is on `PATH`.
 */
export function pythonCandidates(env = Deno.env.get("RETURNCAST_PYTHON")): string[] {
  return [...(env ? [env] : []), "/usr/bin/python3", "python3"];
}

/** Whether `python` runs and imports every one of `modules`. */
export function canImport(python: string, modules: readonly string[]): boolean {
  try {
    const { success } = new Deno.Command(python, {
      args: ["-c", `import ${modules.join(", ")}`],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).outputSync();
    return success;
  } catch {
    return false; // not installed, not executable
  }
}

/**
 * The first candidate that imports every one of `modules`, or `undefined` when none does.
 *
 * @example
 * ```ts ignore
 * const python = findPython(["jupyter_client", "nbformat"]); // "/usr/bin/python3" on Debian
 * ```
 */
export function findPython(
  modules: readonly string[] = EXECUTOR_MODULES,
  candidates: readonly string[] = pythonCandidates(),
): string | undefined {
  return candidates.find((python) => canImport(python, modules));
}

/** The one-line explanation for when {@link findPython} finds nothing. */
export function missingPythonMessage(
  modules: readonly string[],
  candidates: readonly string[] = pythonCandidates(),
): string {
  return `no Python with ${modules.join(", ")} (tried ${candidates.join(", ")}); install ` +
    `Jupyter with \`${INSTALL_JUPYTER}\`, or set RETURNCAST_PYTHON to a python3 that has them`;
}
