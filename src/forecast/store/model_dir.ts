/**
 * A saved model's directory as bytes: read it whole and check it against its checksum manifest,
 * or write it whole (files, then the manifest) under a temporary name and swap it in.
 * @module
 */

import { join } from "node:path";
import { writeDirectoryAtomic } from "../../io/write_dir_atomic.ts";
import {
  checksumManifest,
  checksumMismatch,
  CHECKSUMS_FILE,
  MODEL_FILES,
  type ModelFiles,
} from "./checksums.ts";

/** A model directory read back: its files when intact, otherwise why it cannot be used. */
export type ReadModelDir =
  | { intact: true; files: ModelFiles }
  | {
    intact: false;
    /** E.g. `was changed since it was saved (metadata.json checksum)`. */
    reason: string;
    /** The metadata's `format`, when it could be read (an older store's model). */
    format?: unknown;
  };

/**
 * Writes a model directory: the files, then `checksums.json` covering them, swapped in whole.
 * The swap holds the model's lock, so a concurrent run's leftovers are told from its own.
 */
export async function writeModelDir(dir: string, files: ModelFiles): Promise<void> {
  const manifest = await checksumManifest(files);
  await writeDirectoryAtomic(dir, async (temp) => {
    for (const name of MODEL_FILES) await Deno.writeFile(join(temp, name), files[name]);
    await Deno.writeTextFile(join(temp, CHECKSUMS_FILE), manifest);
  });
}

/** Reads a model directory (which exists) and checks every file against its manifest. */
export async function readModelDir(dir: string): Promise<ReadModelDir> {
  let manifest: string;
  try {
    manifest = await Deno.readTextFile(join(dir, CHECKSUMS_FILE));
  } catch (error) {
    const format = await metadataFormat(dir);
    if (format !== undefined) {
      return { intact: false, reason: `has no ${CHECKSUMS_FILE}`, format };
    }
    return { intact: false, reason: `is damaged (${CHECKSUMS_FILE}${problem(error)})` };
  }
  const files = {} as ModelFiles;
  for (const name of MODEL_FILES) {
    try {
      files[name] = await Deno.readFile(join(dir, name));
    } catch (error) {
      return { intact: false, reason: `is damaged (${name}${problem(error)})` };
    }
  }
  const mismatch = await checksumMismatch(manifest, files);
  if (mismatch === undefined) return { intact: true, files };
  return {
    intact: false,
    reason: mismatch.endsWith(" checksum")
      ? `was changed since it was saved (${mismatch})`
      : `is damaged (${mismatch})`,
  };
}

/** Reads the files of a directory without a manifest (an older store's); throws if one is missing. */
export async function readUnchecked(dir: string): Promise<ModelFiles> {
  const files = {} as ModelFiles;
  for (const name of MODEL_FILES) files[name] = await Deno.readFile(join(dir, name));
  return files;
}

/** The `format` field of `dir/metadata.json`, when it is readable JSON with one. */
async function metadataFormat(dir: string): Promise<unknown> {
  try {
    return JSON.parse(await Deno.readTextFile(join(dir, "metadata.json")))?.format;
  } catch {
    return undefined;
  }
}

/** What went wrong reading a file: `is missing`, or the error's first line. */
function problem(error: unknown): string {
  return error instanceof Deno.errors.NotFound ? " is missing" : `: ${firstLine(error)}`;
}

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}

/** Parses JSON bytes. */
export function parseJson<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

/** JSON bytes of a value (pretty when `indent`). */
export function jsonBytes(value: unknown, indent?: number): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value, null, indent));
}
