/**
 * File outputs (`forecast`, `backtest` and its `summary.json`, `generate`, `import`) own only
 * what they wrote. Before any work, {@link checkOutputFile} refuses a target that is an input
 * (compared by device and inode, so symbolic and hard links count), a directory, or an existing
 * file Returncast did not write (unless `--force`). Every file written is recorded with its
 * SHA-256 in `.returncast-files.json` in its directory, so the next run knows it may replace it
 * — and that a file the user has since edited is theirs again.
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { InputError } from "./errors.ts";
import { type FileContent, isTempFileOf, writeFileAtomic } from "./write_atomic.ts";
import { acquireLock, withLock } from "./lock.ts";
import { isWithin, normalizedPath, realPathOf } from "./user_paths.ts";

/** The record of files written, one per directory. */
export const FILES_RECORD = ".returncast-files.json";

/** An input of a command: its path and the flag that named it (for messages). */
export interface NamedInput {
  /** The path as given. */
  path: string;
  /** The flag or role, e.g. `--data`. */
  flag: string;
}

/**
 * Refuses (an {@link InputError}, exit code 2) to let a file output replace an input, a
 * directory, or a file Returncast did not write; `force` allows the last.
 */
export async function checkOutputFile(
  path: string,
  inputs: readonly NamedInput[],
  force = false,
): Promise<void> {
  const real = await realPathOf(path);
  for (const input of inputs) {
    const info = await statOrUndefined(input.path);
    if (info?.isDirectory && isWithin(real, await realPathOf(input.path))) {
      throw new InputError(
        `is inside the input given to ${input.flag} (inputs are never overwritten); ` +
          "choose another path",
        { file: path },
      );
    }
  }
  const target = await statOrUndefined(path);
  if (!target) return;
  for (const input of inputs) {
    const info = await statOrUndefined(input.path);
    if (info && info.dev === target.dev && info.ino === target.ino) {
      throw new InputError(
        `is the input given to ${input.flag} (inputs are never overwritten); choose another path`,
        { file: path },
      );
    }
  }
  if (target.isDirectory) {
    throw new InputError("is a directory; name a file to write", { file: path });
  }
  if (!target.isFile) {
    throw new InputError(
      "is not a regular file (a device, FIFO or socket); name a file to write",
      { file: path },
    );
  }
  if (!force && !(await wroteIt(path))) {
    throw new InputError(
      "exists and was not written by Returncast (or was changed since); choose another path, " +
        "or pass --force to overwrite it",
      { file: path },
    );
  }
}

/**
 * Checks file outputs (see {@link checkOutputFile}) and takes their locks for the rest of the
 * run, so that a second run writing one of them stops at once; removes what dead runs left
 * beside them (their temporary files).
 */
export async function claimOutputFiles(
  paths: readonly string[],
  command: string,
  inputs: readonly NamedInput[],
  force = false,
): Promise<string[]> {
  const claimed = paths.map(normalizedPath);
  for (const path of claimed) await checkOutputFile(path, inputs, force);
  for (const path of claimed) {
    await Deno.mkdir(dirname(resolve(path)), { recursive: true });
    await acquireLock(path, command);
    await removeDeadTemps(path);
  }
  return claimed;
}

/** Removes temporary files of earlier writes of `path` (call while holding its lock). */
async function removeDeadTemps(path: string): Promise<void> {
  const base = basename(path);
  try {
    for await (const entry of Deno.readDir(dirname(resolve(path)))) {
      if (entry.isFile && isTempFileOf(entry.name, base)) {
        await Deno.remove(join(dirname(path), entry.name)).catch(() => {});
      }
    }
  } catch {
    // no directory yet: nothing left behind
  }
}

/** Writes a file output atomically and records it as Returncast's. */
export async function writeOutputFile(path: string, content: FileContent): Promise<void> {
  const hash = createHash("sha256");
  await writeFileAtomic(path, hashed(content, hash));
  const digest = hash.digest("hex");
  const record = join(dirname(path), FILES_RECORD);
  await withLock(record, "record", async () => {
    const files = await readRecord(record);
    files[basename(path)] = digest;
    const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a < b ? -1 : 1));
    await writeFileAtomic(record, JSON.stringify({ files: sorted }, null, 2) + "\n");
  });
}

/** Whether `path` holds exactly what Returncast last wrote there. */
async function wroteIt(path: string): Promise<boolean> {
  const recorded = (await readRecord(join(dirname(path), FILES_RECORD)))[basename(path)];
  if (!recorded) return false;
  const hash = createHash("sha256");
  const file = await Deno.open(path, { read: true });
  for await (const chunk of file.readable) hash.update(chunk);
  return hash.digest("hex") === recorded;
}

async function readRecord(path: string): Promise<Record<string, string>> {
  try {
    const files = JSON.parse(await Deno.readTextFile(path)).files;
    return files && typeof files === "object" ? files : {};
  } catch {
    return {};
  }
}

/** The content, passing every byte through `hash` as it is written. */
function hashed(content: FileContent, hash: ReturnType<typeof createHash>): FileContent {
  if (typeof content === "string" || content instanceof Uint8Array) {
    hash.update(content);
    return content;
  }
  return {
    *[Symbol.iterator]() {
      for (const chunk of content) {
        hash.update(chunk);
        yield chunk;
      }
    },
  };
}

async function statOrUndefined(path: string): Promise<Deno.FileInfo | undefined> {
  try {
    return await Deno.stat(path);
  } catch {
    return undefined;
  }
}
