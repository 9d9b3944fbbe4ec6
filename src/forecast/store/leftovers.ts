/**
 * Leftovers of interrupted saves beside a model: the swap's temporary, old and deleted copies
 * (`<model>.returncast-{tmp,old,del}-ID`, see `io/write_dir_atomic.ts`), repaired or removed
 * when no live run holds the model's lock; and, from older versions of the store,
 * `metadata.json.tmp-*` files inside a model and `<model>.tmp-*` directories beside it, removed
 * once they have not changed for an hour (no current version writes those names). Only names of
 * these forms are touched.
 * @module
 */

import { dirname, join } from "node:path";
import { repairLeftoversIn } from "../../io/write_dir_atomic.ts";

/** How long an older version's temporary must have been left alone before it is removed. */
export const UNMARKED_AGE_MS = 60 * 60 * 1000;

/**
 * Clears leftovers of dead saves of the model `name` (any variant `name@…`) beside `dir`, and
 * older versions' temporaries; returns the older versions' paths removed. `now` is for tests.
 */
export async function removeLeftovers(
  dir: string,
  name: string,
  now = Date.now(),
): Promise<string[]> {
  const ofModel = (base: string) => base === name || base.startsWith(`${name}@`);
  await repairLeftoversIn(dirname(dir), ofModel);
  const removed: string[] = [];
  const remove = async (path: string) => {
    try {
      await Deno.remove(path, { recursive: true });
      removed.push(path);
    } catch { /* gone already, or not ours to remove */ }
  };
  for (const entry of await entries(dirname(dir))) {
    const rest = entry.name.startsWith(name) ? entry.name.slice(name.length) : "";
    const path = join(dirname(dir), entry.name);
    if (entry.isDirectory && /^(@[^./]+)?\.tmp-/.test(rest) && await stale(path, now)) {
      await remove(path);
    }
  }
  for (const entry of await entries(dir)) {
    const path = join(dir, entry.name);
    if (entry.isFile && entry.name.startsWith("metadata.json.tmp-") && await stale(path, now)) {
      await remove(path);
    }
  }
  return removed;
}

async function entries(dir: string): Promise<Deno.DirEntry[]> {
  try {
    return await Array.fromAsync(Deno.readDir(dir));
  } catch {
    return [];
  }
}

/** Whether a path has not changed for {@link UNMARKED_AGE_MS}. */
export async function stale(path: string, now = Date.now()): Promise<boolean> {
  try {
    const mtime = (await Deno.stat(path)).mtime;
    return mtime !== null && now - mtime.getTime() > UNMARKED_AGE_MS;
  } catch {
    return false;
  }
}
