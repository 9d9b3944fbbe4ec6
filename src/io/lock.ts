/**
 * One run at a time per output: a lock file `PATH.returncast-lock` beside the output, held with
 * an exclusive `flock` from the moment a command has checked its outputs until it exits. The
 * kernel drops the lock when its process dies, even on `kill -9`, so a dead run never blocks
 * the next one; a live one makes the next run stop at once with an error that names it. The
 * same locks tell leftovers of dead runs from work in progress ({@link lockIsFree}).
 * @module
 */

import { InputError } from "./errors.ts";

/** The suffix of lock files. */
export const LOCK_SUFFIX = ".returncast-lock";

/** The lock file of an output path. */
export function lockPath(path: string): string {
  return `${path}${LOCK_SUFFIX}`;
}

/** Locks this process holds, by the path they guard. */
const held = new Map<string, { file: Deno.FsFile; depth: number }>();

/**
 * Takes the lock of `path` for `command` (until {@link releaseLock} or the process ends).
 * Taking a lock this process already holds nests. When another live run holds it, throws an
 * {@link InputError} naming that run (exit code 2) without waiting.
 */
export async function acquireLock(path: string, command: string): Promise<void> {
  const mine = held.get(path);
  if (mine) {
    mine.depth++;
    return;
  }
  held.set(path, { file: await acquire(path, command), depth: 1 });
}

/** Gives back one hold of the lock of `path`; the last one removes the lock file. */
export async function releaseLock(path: string): Promise<void> {
  const mine = held.get(path);
  if (!mine || --mine.depth > 0) return;
  held.delete(path);
  const where = lockPath(path);
  try {
    if (await sameFile(mine.file, where)) await Deno.remove(where);
  } finally {
    mine.file.close();
  }
}

/** Releases every lock this process holds (the CLI calls it before it exits). */
export async function releaseAllLocks(): Promise<void> {
  for (const path of [...held.keys()]) {
    const mine = held.get(path)!;
    mine.depth = 1;
    await releaseLock(path);
  }
}

/** Runs `fn` while holding the lock of `path` (see {@link acquireLock}). */
export async function withLock<T>(path: string, command: string, fn: () => Promise<T>): Promise<T> {
  await acquireLock(path, command);
  try {
    return await fn();
  } finally {
    await releaseLock(path);
  }
}

/**
 * Whether no live run holds the lock of `path` (this process's own locks count as held): what
 * is left beside `path` then belongs to a dead run.
 */
export async function lockIsFree(path: string): Promise<boolean> {
  if (held.has(path)) return false;
  let file: Deno.FsFile;
  try {
    file = await Deno.open(lockPath(path), { read: true });
  } catch {
    return true; // no lock file: nobody holds it
  }
  try {
    const free = await file.tryLock(true);
    if (free) await file.unlock();
    return free;
  } finally {
    file.close();
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
      await file.write(new TextEncoder().encode(JSON.stringify({ pid: Deno.pid, command }) + "\n"));
      return file;
    }
    file.close();
  }
  throw new Error(`Cannot lock ${path}: its lock file keeps changing`);
}

async function sameFile(file: Deno.FsFile, path: string): Promise<boolean> {
  try {
    const [mine, named] = [await file.stat(), await Deno.stat(path)];
    return mine.ino === named.ino && mine.dev === named.dev;
  } catch {
    return false;
  }
}

async function readHolder(path: string): Promise<{ pid: number; command: string } | undefined> {
  try {
    const holder = JSON.parse(await Deno.readTextFile(path));
    return typeof holder.pid === "number" ? holder : undefined;
  } catch {
    return undefined;
  }
}
