/**
 * Replaces a whole directory so that readers see either the old one or the new one: the new
 * content is written under a temporary name beside it, then swapped in with two renames. If a run
 * dies between the renames, the old directory survives as `DIR.old-*` and
 * {@link recoverDirectory} puts it back.
 * @module
 */

import { basename, dirname, join } from "node:path";

/** Writes a directory with `fill` (given the temporary path) and swaps it in. */
export async function writeDirectoryAtomic(
  dir: string,
  fill: (temp: string) => Promise<void>,
): Promise<void> {
  const id = crypto.randomUUID().slice(0, 8);
  const temp = `${dir}.tmp-${id}`;
  const old = `${dir}.old-${id}`;
  await Deno.mkdir(temp, { recursive: true });
  try {
    await fill(temp);
    const hadOld = await exists(dir);
    if (hadOld) await Deno.rename(dir, old);
    await Deno.rename(temp, dir);
    if (hadOld) await Deno.remove(old, { recursive: true });
  } catch (error) {
    await Deno.remove(temp, { recursive: true }).catch(() => {});
    throw error;
  }
}

/** Puts back `dir.old-*` when a swap was interrupted between its two renames; true if it did. */
export async function recoverDirectory(dir: string): Promise<boolean> {
  if (await exists(dir)) return false;
  const parent = dirname(dir);
  const prefix = `${basename(dir)}.old-`;
  try {
    for await (const entry of Deno.readDir(parent)) {
      if (entry.isDirectory && entry.name.startsWith(prefix)) {
        await Deno.rename(join(parent, entry.name), dir);
        return true;
      }
    }
  } catch {
    return false;
  }
  return false;
}

/** Whether a path exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
