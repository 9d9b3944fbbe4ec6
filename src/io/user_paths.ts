/**
 * Paths as users mean them. `deno task` runs every task from the project root and says where
 * the user was in `INIT_CWD`, so a path the user typed is resolved against that directory,
 * while the defaults (`data/…`, `models`, `reports/…`) stay relative to the project. This module
 * also knows the places no output may ever replace: `/`, the home directory, the current
 * directory, and their ancestors.
 * @module
 */

import { dirname, isAbsolute, join, normalize, resolve, sep } from "node:path";

/**
 * The directory the user ran the command from: `INIT_CWD` when `deno task` set it (and it
 * exists), the process's working directory otherwise.
 */
export function userCwd(): string {
  const init = Deno.env.get("INIT_CWD");
  if (!init || !isAbsolute(init)) return Deno.cwd();
  try {
    return Deno.statSync(init).isDirectory ? init : Deno.cwd();
  } catch {
    return Deno.cwd();
  }
}

/**
 * A path in one canonical spelling: `.` and `..` folded, repeated and trailing separators
 * dropped (`out/`, `out/.` and `out/x/..` all name `out`), so that a directory's temporary and
 * lock files land beside it, never inside.
 *
 * @example
 * ```ts
 * import { normalizedPath } from "./user_paths.ts";
 * normalizedPath("reports/demo/"); // "reports/demo"
 * normalizedPath("a/x/../b/."); // "a/b"
 * ```
 */
export function normalizedPath(path: string): string {
  const folded = normalize(path);
  return folded.length > 1 ? folded.replace(/[/\\]+$/, "") || sep : folded;
}

/**
 * A path typed by the user, resolved against {@link userCwd}. Unchanged when that is the
 * working directory (messages then show the path as typed).
 *
 * @example
 * ```ts
 * import { userPath } from "./user_paths.ts";
 * userPath("/tmp/x.csv"); // "/tmp/x.csv"
 * ```
 */
export function userPath(text: string): string {
  if (text === STDIN) return text;
  if (isAbsolute(text)) return normalizedPath(text);
  const cwd = userCwd();
  return normalizedPath(cwd === Deno.cwd() ? text : resolve(cwd, text));
}

/** The path that names standard input (`--data -`). */
export const STDIN = "-";

/**
 * The real absolute path of `path`, links resolved, also when it does not exist yet: the
 * deepest existing ancestor is resolved and the rest appended.
 */
export async function realPathOf(path: string): Promise<string> {
  let head = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await Deno.realPath(head);
      return rest.length === 0 ? real : join(real, ...rest.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return resolve(path);
      rest.push(head.slice(parent.length).replace(/^[/\\]+/, ""));
      head = parent;
    }
  }
}

/** Whether `inner` is `outer` or lies inside it (both real absolute paths). */
export function isWithin(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const prefix = outer.endsWith(sep) ? outer : outer + sep;
  return inner.startsWith(prefix);
}

/**
 * Why an output may not replace `real` (a real absolute path), or `undefined`: it is `/`, the
 * home directory or a working directory, or an ancestor of one of them.
 */
export async function protectedReason(real: string): Promise<string | undefined> {
  const places: [string | undefined, string][] = [
    ["/", "the root directory"],
    [Deno.env.get("HOME"), "your home directory"],
    [userCwd(), "the current directory"],
    [Deno.cwd(), "the project directory"],
  ];
  for (const [place, name] of places) {
    if (!place) continue;
    const placeReal = await realPathOf(place);
    if (real === placeReal) return `is ${name}`;
    if (isWithin(placeReal, real)) return `contains ${name}`;
  }
  return undefined;
}
