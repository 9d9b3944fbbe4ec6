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

import { join } from "node:path";
import { InputError } from "./errors.ts";
import type { NamedInput } from "./output_file.ts";
import { isWithin, protectedReason, realPathOf } from "./user_paths.ts";
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

/**
 * Refuses (an {@link InputError}, exit code 2) an output directory that Returncast may not
 * replace. `inputs` are the files and directories the command reads.
 */
export async function checkOutputDir(dir: string, inputs: readonly NamedInput[]): Promise<void> {
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
  await checkReplaceable(dir);
}

/**
 * Writes `files` (name → content) as the whole content of `dir`, atomically (see
 * `write_dir_atomic.ts`); `more` may add files to the temporary directory and returns their
 * names. The manifest is written last.
 */
export async function writeOutputDir(
  dir: string,
  command: string,
  files: ReadonlyMap<string, FileContent>,
  more?: (temp: string) => Promise<string[]>,
): Promise<void> {
  await writeDirectoryAtomic(dir, async (temp) => {
    await checkReplaceable(dir);
    for (const [name, content] of files) await writeContent(join(temp, name), content);
    const written = [...files.keys(), ...(await more?.(temp) ?? [])];
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

async function checkReplaceable(dir: string): Promise<void> {
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
  if (await readManifest(dir)) return;
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
