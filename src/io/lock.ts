/**
 * One run at a time per output: a lock file `PATH.lock` beside the output, held with an
 * exclusive `flock` for the duration of the write. The kernel drops the lock when its process
 * dies, even on `kill -9`, so a dead run never blocks the next one; a live one makes the next
 * run stop with an error that names it.
 * @module
 */

import { InputError } from "./errors.ts";

/** What a lock file records about the run holding it. */
interface Holder {
  pid: number;
  command: string;
}

/** The lock file of an output path. */
export function lockPath(path: string): string {
  return `${path}.lock`;
}

/**
 * Runs `fn` while holding the lock of `path`. When another live run holds it, throws an
 * {@link InputError} naming that run (exit code 2) without waiting.
 */
export async function withLock<T>(path: string, command: string, fn: () => Promise<T>): Promise<T> {
  const file = await acquire(path, command);
  try {
    return await fn();
  } finally {
    await release(path, file);
  }
}

async function acquire(path: string, command: string): Promise<Deno.FsFile> {
  const where = lockPath(path);
  for (let attempt = 0; attempt < 10; attempt++) {
    const file = await Deno.open(where, { read: true, write: true, create: true });
    if (!(await file.tryLock(true))) {
      const holder = await readHolder(where);
      file.close();
      throw new InputError(
        `is being written by another Returncast run${
          holder ? ` (${holder.command}, process ${holder.pid})` : ""
        }; wait for it to finish, or choose another output`,
        { file: path },
      );
    }
    // The previous holder removes the lock file when it is done: if the path now names
    // another file (or none), this lock guards nothing; take the current one instead.
    if (await sameFile(file, where)) {
      await file.truncate(0);
      const info = new TextEncoder().encode(JSON.stringify({ pid: Deno.pid, command }) + "\n");
      await file.write(info);
      return file;
    }
    file.close();
  }
  throw new Error(`Cannot lock ${path}: its lock file keeps changing`);
}

async function release(path: string, file: Deno.FsFile): Promise<void> {
  const where = lockPath(path);
  try {
    if (await sameFile(file, where)) await Deno.remove(where);
  } finally {
    file.close();
  }
}

async function sameFile(file: Deno.FsFile, path: string): Promise<boolean> {
  try {
    const [held, named] = [await file.stat(), await Deno.stat(path)];
    return held.ino === named.ino && held.dev === named.dev;
  } catch {
    return false;
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const holder = JSON.parse(await Deno.readTextFile(path));
    return typeof holder.pid === "number" ? holder : undefined;
  } catch {
    return undefined;
  }
}
