/**
 * Replaces a whole directory so that readers see either the old one or the new one, whatever
 * happens: the new content is written under a temporary name beside it, then swapped in with
 * renames while the directory's lock (see `lock.ts`) keeps other runs out.
 *
 * The swap is `DIR → DIR.returncast-old-ID`, `DIR.returncast-tmp-ID → DIR`,
 * `DIR.returncast-old-ID → DIR.returncast-del-ID`, then the removal of the last. A run killed at
 * any moment (even `kill -9`) leaves at worst one of those names behind, and the next run on
 * `DIR` repairs it under the lock: with no `DIR`, the old directory is put back; the temporary,
 * old and deleted directories of dead runs are removed. Only names of exactly this form (an ID
 * of 12 hex digits) are ever touched, so a user's `DIR.old` or `DIR.tmp-1` is left alone.
 * @module
 */

import { basename, dirname, join } from "node:path";
import { lockIsFree, withLock } from "./lock.ts";
import { normalizedPath } from "./user_paths.ts";

/** Options of {@link writeDirectoryAtomic}. */
export interface SwapOptions {
  /** The command doing the write, named to a concurrent run. @default "write" */
  command?: string;
}

const KINDS = ["tmp", "old", "del"] as const;
type Kind = (typeof KINDS)[number];
const LEFTOVER = /^(.*)\.returncast-(tmp|old|del)-[0-9a-f]{12}$/;

/** The name of a swap's temporary, old or deleted copy of `dir`. */
function swapName(dir: string, kind: Kind, id: string): string {
  return `${dir}.returncast-${kind}-${id}`;
}

/** Writes a directory with `fill` (given the temporary path) and swaps it in. */
export async function writeDirectoryAtomic(
  target: string,
  fill: (temp: string) => Promise<void>,
  options: SwapOptions = {},
): Promise<void> {
  const dir = normalizedPath(target);
  await Deno.mkdir(dirname(dir), { recursive: true });
  await withLock(dir, options.command ?? "write", async () => {
    await repair(dir);
    const id = crypto.randomUUID().replaceAll("-", "").slice(0, 12);
    const temp = swapName(dir, "tmp", id);
    await Deno.mkdir(temp);
    try {
      await fill(temp);
    } catch (error) {
      await Deno.remove(temp, { recursive: true }).catch(() => {});
      throw error;
    }
    const old = swapName(dir, "old", id);
    const hadOld = await exists(dir);
    if (hadOld) await Deno.rename(dir, old);
    await Deno.rename(temp, dir);
    if (hadOld) await discard(old, swapName(dir, "del", id));
  });
}

/**
 * For readers: when `dir` is missing because a swap was interrupted, puts back its old copy
 * (under the lock) and removes what dead runs left. True if it put a directory back.
 */
export async function recoverDirectory(target: string): Promise<boolean> {
  const dir = normalizedPath(target);
  if (await exists(dir) || !(await exists(dirname(dir)))) return false;
  return await withLock(dir, "recover", () => repair(dir));
}

/**
 * Repairs every directory in `parent` whose name `accept`s and that has swap leftovers, when no
 * live run holds its lock (e.g. the saved models of earlier cutoffs, which no run writes again).
 */
export async function repairLeftoversIn(
  parent: string,
  accept: (name: string) => boolean,
): Promise<void> {
  const dirs = new Set<string>();
  const folded = normalizedPath(parent);
  for (const name of await entryNames(folded)) {
    const base = LEFTOVER.exec(name)?.[1];
    if (base !== undefined && accept(base)) dirs.add(join(folded, base));
  }
  for (const dir of dirs) {
    if (await lockIsFree(dir)) await withLock(dir, "repair", () => repair(dir));
  }
}

/** Whether a path exists (without following a final symbolic link). */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function entryNames(dir: string): Promise<string[]> {
  try {
    return (await Array.fromAsync(Deno.readDir(dir))).filter((e) => e.isDirectory).map((e) =>
      e.name
    );
  } catch {
    return [];
  }
}

/** The leftovers of interrupted swaps of `dir`, by kind. */
async function leftovers(dir: string): Promise<Record<Kind, string[]>> {
  const found: Record<Kind, string[]> = { tmp: [], old: [], del: [] };
  const own = basename(dir);
  for (const name of await entryNames(dirname(dir))) {
    const match = LEFTOVER.exec(name);
    if (match && match[1] === own) found[match[2] as Kind].push(join(dirname(dir), name));
  }
  return found;
}

async function repair(dir: string): Promise<boolean> {
  const found = await leftovers(dir);
  let restored = false;
  if (!(await exists(dir)) && found.old.length > 0) {
    // Only one swap runs at a time, so there is one old directory; keep the newest if not.
    const newest = await newestFirst(found.old);
    await Deno.rename(newest[0], dir);
    found.old = newest.slice(1);
    restored = true;
  }
  for (const old of found.old) {
    await discard(old, old.replace(".returncast-old-", ".returncast-del-"));
  }
  for (const path of [...found.tmp, ...found.del]) {
    await Deno.remove(path, { recursive: true }).catch(() => {});
  }
  return restored;
}

/** Renames a directory out of the way (atomic), then removes it. */
async function discard(path: string, trash: string): Promise<void> {
  await Deno.rename(path, trash);
  await Deno.remove(trash, { recursive: true });
}

async function newestFirst(paths: string[]): Promise<string[]> {
  const times = await Promise.all(
    paths.map(async (p) => (await Deno.stat(p)).mtime?.getTime() ?? 0),
  );
  return paths.map((p, i) => ({ p, t: times[i] })).sort((a, b) => b.t - a.t).map((x) => x.p);
}
