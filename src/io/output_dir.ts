/**
 * Directory outputs (`plan`, `report`, `merge`) own only what they made. An output directory may
 * be replaced only when it does not exist, is empty, or is an earlier Returncast output — it
 * carries the manifest {@link OUTPUT_MANIFEST}, written last. {@link checkOutputDir} refuses
 * everything else before any work is done: an input inside it, a file, a symbolic link, a
 * foreign non-empty directory, `/`, the home or current directory and their ancestors.
 * Files a user added to an earlier output (a README, a picture) are carried into the new one.
 * The manifest holds no time, process or absolute path, so the same inputs give the same bytes.
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { clipped, InputError } from "./errors.ts";
import { acquireLock } from "./lock.ts";
import type { NamedInput } from "./output_file.ts";
import { isWithin, normalizedPath, protectedReason, realPathOf } from "./user_paths.ts";
import { exists, writeDirectoryAtomic } from "./write_dir_atomic.ts";
import { type FileContent, writeContent } from "./write_atomic.ts";

/** The manifest of a Returncast output directory. */
export const OUTPUT_MANIFEST = ".returncast.json";

/** What the manifest records. */
export interface OutputManifest {
  /** Marks the directory as Returncast's. */
  returncast: "output";
  /** The command that wrote it. */
  command: string;
  /** The files it wrote, sorted. */
  files: string[];
  /** Files that were in the directory before and were carried over, sorted. */
  kept: string[];
}

/** Longest name a swap adds to a directory's own: `.returncast-tmp-` and a 12-digit ID. */
const SWAP_SUFFIX_BYTES = ".returncast-tmp-".length + 12;

/**
 * Refuses (an {@link InputError}, exit code 2) an output directory that Returncast may not
 * replace. `inputs` are the files and directories the command reads; `mayWrite` the names it
 * may write there (a user's file of such a name would be replaced, so it is refused too).
 */
export async function checkOutputDir(
  target: string,
  inputs: readonly NamedInput[],
  mayWrite: readonly string[] = [],
): Promise<void> {
  const dir = normalizedPath(target);
  const bytes = new TextEncoder().encode(basename(resolve(dir))).length;
  if (bytes + SWAP_SUFFIX_BYTES > 255) {
    throw new InputError(
      `the directory's name is too long (${bytes} bytes; at most ${255 - SWAP_SUFFIX_BYTES})`,
      { file: clipped(dir) },
    );
  }
  const real = await realPathOf(dir);
  const guarded = await protectedReason(real);
  if (guarded) {
    throw new InputError(`${guarded}; name a new or empty directory for the output`, {
      file: dir,
    });
  }
  for (const input of inputs) {
    const inputReal = await realPathOf(input.path);
    if (isWithin(inputReal, real)) {
      throw new InputError(
        `${inputReal === real ? "is" : "contains"} the input given to ${input.flag}; ` +
          "outputs never replace inputs, so name another directory",
        { file: dir },
      );
    }
  }
  await checkReplaceable(dir, mayWrite);
}

/**
 * Checks an output directory (see {@link checkOutputDir}) and takes its lock for the rest of
 * the run, so that a second run on it stops at once instead of racing this one. Returns the
 * directory in canonical spelling.
 */
export async function claimOutputDir(
  target: string,
  command: string,
  inputs: readonly NamedInput[],
  mayWrite: readonly string[],
): Promise<string> {
  const dir = normalizedPath(target);
  await checkOutputDir(dir, inputs, mayWrite);
  await Deno.mkdir(dirname(resolve(dir)), { recursive: true });
  await acquireLock(dir, command);
  return dir;
}

/**
 * Writes `files` (name → content) as the whole content of `dir`, atomically (see
 * `write_dir_atomic.ts`); `more` may add files to the temporary directory and returns their
 * names. The manifest is written last.
 */
export async function writeOutputDir(
  target: string,
  command: string,
  files: ReadonlyMap<string, FileContent>,
  more?: (temp: string) => Promise<string[]>,
): Promise<void> {
  await writeOutputDirBy(target, command, [...files.keys()], async (temp) => {
    for (const [name, content] of files) await writeContent(join(temp, name), content);
    return [...files.keys(), ...(await more?.(temp) ?? [])];
  });
}

/**
 * Makes the whole content of `dir` atomically with `write`, which fills the temporary directory
 * and returns the names of the files it wrote; `names` are those it may write (checked first,
 * as {@link checkOutputDir} checks them). The manifest is written last.
 */
export async function writeOutputDirBy(
  target: string,
  command: string,
  names: readonly string[],
  write: (temp: string) => Promise<string[]>,
): Promise<void> {
  const dir = normalizedPath(target);
  await writeDirectoryAtomic(dir, async (temp) => {
    await checkReplaceable(dir, names);
    const written = await write(temp);
    const kept = await carryOver(dir, temp, new Set(written));
    const manifest: OutputManifest = {
      returncast: "output",
      command,
      files: written.sort(),
      kept: kept.sort(),
    };
    await Deno.writeTextFile(join(temp, OUTPUT_MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  }, { command });
}

/** The manifest of `dir`, or `undefined` when it is not a Returncast output. */
export async function readManifest(dir: string): Promise<OutputManifest | undefined> {
  try {
    const manifest = JSON.parse(await Deno.readTextFile(join(dir, OUTPUT_MANIFEST)));
    return manifest?.returncast === "output" && Array.isArray(manifest.files)
      ? manifest
      : undefined;
  } catch {
    return undefined;
  }
}

async function checkReplaceable(dir: string, mayWrite: readonly string[]): Promise<void> {
  if (!(await exists(dir))) return;
  const info = await Deno.lstat(dir);
  if (info.isSymlink) {
    throw new InputError("is a symbolic link; name the directory itself", { file: dir });
  }
  if (!info.isDirectory) {
    throw new InputError("is an existing file, not a directory; name a directory for the output", {
      file: dir,
    });
  }
  const manifest = await readManifest(dir);
  if (manifest) {
    const ours = new Set([...manifest.files, OUTPUT_MANIFEST]);
    for await (const entry of Deno.readDir(dir)) {
      if (ours.has(entry.name)) continue;
      if (mayWrite.includes(entry.name)) {
        throw new InputError(
          `${clipped(entry.name)} in it is not Returncast's (its manifest does not list it), ` +
            "and this run writes that name; move the file away first",
          { file: dir },
        );
      }
      await checkCopyable(join(dir, entry.name));
    }
    return;
  }
  for await (const _ of Deno.readDir(dir)) {
    throw new InputError(
      "is a non-empty directory that Returncast did not write; name a new or empty directory " +
        "(or an earlier Returncast output)",
      { file: dir },
    );
  }
}

/** Copies what the user added to the earlier output into the new one; returns their names. */
async function carryOver(dir: string, temp: string, written: Set<string>): Promise<string[]> {
  const manifest = await readManifest(dir);
  if (!manifest) return [];
  const ours = new Set([...manifest.files, OUTPUT_MANIFEST]);
  const kept: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (ours.has(entry.name) || written.has(entry.name)) continue;
    await copyTree(join(dir, entry.name), join(temp, entry.name));
    kept.push(entry.name);
  }
  return kept;
}

/** Refuses what cannot be carried into the new output: FIFOs, devices, sockets. */
async function checkCopyable(path: string): Promise<void> {
  const info = await Deno.lstat(path);
  if (info.isFile || info.isSymlink) return;
  if (info.isDirectory) {
    for await (const entry of Deno.readDir(path)) await checkCopyable(join(path, entry.name));
    return;
  }
  throw new InputError(
    "is a special file (a FIFO, device or socket) inside an earlier output, which a new run " +
      "would carry over; remove or move it first",
    { file: path },
  );
}

async function copyTree(from: string, to: string): Promise<void> {
  const info = await Deno.lstat(from);
  if (info.isDirectory) {
    await Deno.mkdir(to);
    for await (const entry of Deno.readDir(from)) {
      await copyTree(join(from, entry.name), join(to, entry.name));
    }
  } else if (info.isSymlink) {
    await Deno.symlink(await Deno.readLink(from), to);
  } else {
    await Deno.copyFile(from, to);
  }
}
