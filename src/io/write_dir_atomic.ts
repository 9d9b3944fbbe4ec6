/**
 * Replaces a whole directory so that readers see either the old one or the new one, whatever
 * happens: the new content is written under a temporary name beside it (`DIR.tmp-ID`), then
 * swapped in with renames while a lock (`DIR.lock`, see `lock.ts`) keeps other runs out.
 *
 * The swap is `DIR → DIR.old-ID`, `DIR.tmp-ID → DIR`, `DIR.old-ID → DIR.del-ID`, then the
 * removal of `DIR.del-ID`. A run killed at any moment (even `kill -9`) leaves at worst one of
 * those names behind, and the next run on `DIR` (under the lock) repairs it first: with no
 * `DIR`, the old directory is put back; leftover temporary, old and deleted directories of
 * dead runs are removed.
 * @module
 */

import { basename, dirname, join } from "node:path";
import { withLock } from "./lock.ts";

/** Options of {@link writeDirectoryAtomic}. */
export interface SwapOptions {
  /** The command doing the write, named to a concurrent run. @default "write" */
  command?: string;
}

/** Writes a directory with `fill` (given the temporary path) and swaps it in. */
export async function writeDirectoryAtomic(
  dir: string,
  fill: (temp: string) => Promise<void>,
  options: SwapOptions = {},
): Promise<void> {
  await Deno.mkdir(dirname(dir), { recursive: true });
  await withLock(dir, options.command ?? "write", async () => {
    await repair(dir);
    const id = crypto.randomUUID().slice(0, 8);
    const temp = `${dir}.tmp-${id}`;
    await Deno.mkdir(temp);
    try {
      await fill(temp);
    } catch (error) {
      await Deno.remove(temp, { recursive: true }).catch(() => {});
      throw error;
    }
    const old = `${dir}.old-${id}`;
    const hadOld = await exists(dir);
    if (hadOld) await Deno.rename(dir, old);
    await Deno.rename(temp, dir);
    if (hadOld) await discard(old, `${dir}.del-${id}`);
  });
}

/**
 * For readers: when `dir` is missing because a swap was interrupted, puts back `DIR.old-*` (under
 * the lock) and removes what dead runs left. True if it put a directory back. (Writers repair
 * every leftover before they write.)
 */
export async function recoverDirectory(dir: string): Promise<boolean> {
  if (await exists(dir) || !(await exists(dirname(dir)))) return false;
  return await withLock(dir, "recover", () => repair(dir));
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

/** The leftovers of interrupted swaps of `dir`, by kind. */
async function leftovers(dir: string): Promise<Record<"tmp" | "old" | "del", string[]>> {
  const found = { tmp: [] as string[], old: [] as string[], del: [] as string[] };
  const prefix = `${basename(dir)}.`;
  try {
    for await (const entry of Deno.readDir(dirname(dir))) {
      if (!entry.isDirectory || !entry.name.startsWith(prefix)) continue;
      const kind = /^(tmp|old|del)-[0-9a-f]+$/.exec(entry.name.slice(prefix.length))?.[1];
      if (kind) found[kind as "tmp" | "old" | "del"].push(join(dirname(dir), entry.name));
    }
  } catch {
    // no parent directory: nothing to repair
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
  for (const old of found.old) await discard(old, old.replace(/\.old-/, ".del-"));
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
