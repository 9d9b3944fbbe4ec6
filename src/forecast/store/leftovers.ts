/**
 * Leftovers of interrupted saves: `<model>.tmp-*` directories beside a model (the temporary
 * copies a swap fills) and `metadata.json.tmp-*` files inside one (earlier versions). The store
 * marks every directory it fills with the writer's process id ({@link markWriter}), so a leftover
 * can be told from a save in progress: a marked one is removed once its process is gone (Linux
 * `/proc/<pid>`; where that cannot be checked it stays), an unmarked one (an earlier version, or a
 * kill before the mark) once it has not changed for an hour. Only names of these forms are touched.
 * @module
 */

import { dirname, join } from "node:path";

/** File in a directory being filled that names the process filling it. */
export const WRITER_FILE = ".writer";

/** How long an unmarked temporary must have been left alone before it counts as a leftover. */
export const UNMARKED_AGE_MS = 60 * 60 * 1000;

/** Marks a directory being filled as this process's (call first thing in the fill). */
export async function markWriter(temp: string): Promise<void> {
  await Deno.writeTextFile(join(temp, WRITER_FILE), `${Deno.pid}\n`);
}

/** Removes the mark from a directory once it is complete (it may already be gone). */
export async function unmarkWriter(dir: string): Promise<void> {
  await Deno.remove(join(dir, WRITER_FILE)).catch(() => {});
}

/**
 * Removes leftovers of dead writers of the model `name` (any variant `name@…`) beside `dir`, and
 * old `metadata.json.tmp-*` files in `dir`; returns the paths removed. `now` is for tests.
 */
export async function removeLeftovers(
  dir: string,
  name: string,
  now = Date.now(),
): Promise<string[]> {
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
    if (entry.isDirectory && /^(@[^./]+)?\.tmp-/.test(rest) && await abandoned(path, now)) {
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

/** Whether a temporary directory's writer is gone (see the module doc). */
export async function abandoned(path: string, now = Date.now()): Promise<boolean> {
  let text: string;
  try {
    text = await Deno.readTextFile(join(path, WRITER_FILE));
  } catch (error) {
    return error instanceof Deno.errors.NotFound && await stale(path, now);
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 && !(await processRuns(pid));
}

/** Whether a path has not changed for {@link UNMARKED_AGE_MS}. */
async function stale(path: string, now: number): Promise<boolean> {
  try {
    const mtime = (await Deno.stat(path)).mtime;
    return mtime !== null && now - mtime.getTime() > UNMARKED_AGE_MS;
  } catch {
    return false;
  }
}

/** Whether process `pid` runs; true when that cannot be known (no `/proc`, no permission). */
async function processRuns(pid: number): Promise<boolean> {
  if (pid === Deno.pid) return true;
  try {
    await Deno.stat("/proc/self");
  } catch {
    return true;
  }
  try {
    await Deno.stat(`/proc/${pid}`);
    return true;
  } catch (error) {
    return !(error instanceof Deno.errors.NotFound);
  }
}
