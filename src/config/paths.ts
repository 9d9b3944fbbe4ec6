/**
 * Where a path the user typed points. Every path flag (`--data`, `--out`, `--models-dir`,
 * `--on-hand`, `--from`, `--transactions`) goes through {@link resolveUserPath} once, when the
 * flags are resolved; defaults (`data/…`, `models`, `reports/…`) do not: they stay relative to
 * the project.
 * @module
 */

/**
 * The path a user typed, as the run uses it. Today the path as typed (relative paths are relative
 * to the working directory); this is the one place to resolve them elsewhere (e.g. against the
 * directory `deno task` was started from).
 *
 * @example
 * ```ts
 * import { resolveUserPath } from "./paths.ts";
 * resolveUserPath("data/shop.csv"); // "data/shop.csv"
 * ```
 */
export function resolveUserPath(typed: string): string {
  return typed;
}
