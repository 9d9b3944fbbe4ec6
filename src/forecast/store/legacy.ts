/**
 * Models saved by earlier versions (format 2: `models/<safeName(id)>/<target>/<model>/`, only
 * `weights.bin` checksummed, in `metadata.json`). One is upgraded — moved into its hashed path with
 * a checksum manifest — only when it verifies: its weights match their checksum, its metadata names
 * the product and its scalers and bias are finite numbers. One that does not verify is removed and
 * retrained when next needed. A product's models move one target at a time, when first used.
 * @module
 */

import { dirname, join } from "node:path";
import { exists } from "../../io/write_dir_atomic.ts";
import { stale } from "./leftovers.ts";
import { sha256Hex } from "./fingerprint.ts";
import { type LstmMetadata, ownerMismatch, STORE_FORMAT } from "./lstm_store.ts";
import { firstLine, jsonBytes, parseJson, readUnchecked, writeModelDir } from "./model_dir.ts";

/** The format of models saved before checksum manifests. */
export const LEGACY_FORMAT = 2;

/** What moving one product-and-target directory of the old layout did. */
export interface LegacyMove {
  /** Models moved (directory names: `lstm`, `lstm@2023-05-01`, …). */
  moved: string[];
  /** Models removed unmoved, with why: they will be retrained when next needed. */
  dropped: { name: string; why: string }[];
  /** Models removed because the new layout holds them already. */
  superseded: string[];
}

/**
 * Moves every model of the old layout's `<root>/<safeName(id)>/<target>/` (`from`) into the
 * hashed `to` directory: each one that verifies is written there in today's format, one whose
 * place is taken already or that does not verify is dropped, a dead save's leftover removed; the old
 * directories are removed (`from`, and its product directory if that left it empty). Anything
 * that is not a model directory is left where it is.
 */
export async function moveLegacyTarget(
  from: string,
  to: string,
  productId: string,
): Promise<LegacyMove> {
  const result: LegacyMove = { moved: [], dropped: [], superseded: [] };
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(from));
  } catch {
    return result;
  }
  const names = new Set(entries.map((e) => e.name));
  for (const entry of entries.sort((a, b) => a.name < b.name ? -1 : 1)) {
    if (!entry.isDirectory) continue;
    const path = join(from, entry.name);
    // A swap of the old store interrupted between its renames: the backup is the model.
    const backup = /^(.+)\.old-[^/]+$/.exec(entry.name)?.[1];
    const name = backup !== undefined && !names.has(backup) ? backup : entry.name;
    if (backup !== undefined && names.has(backup)) {
      await Deno.remove(path, { recursive: true }).catch(() => {});
      continue;
    }
    if (/\.tmp-/.test(name)) { // an unfinished save of the old store
      if (await stale(path)) await Deno.remove(path, { recursive: true }).catch(() => {});
      continue;
    }
    if (!(await isModelDir(path))) continue;
    if (await exists(join(to, name))) result.superseded.push(name);
    else {
      const why = await upgradeLegacy(path, join(to, name), { productId });
      if (why === undefined) result.moved.push(name);
      else result.dropped.push({ name, why });
    }
    await Deno.remove(path, { recursive: true }).catch(() => {});
    names.add(name);
  }
  for (const dir of [from, dirname(from)]) {
    try {
      await Deno.remove(dir); // only succeeds when empty
    } catch {
      break;
    }
  }
  return result;
}

/** What an old model must be to be upgraded. */
export interface LegacyExpectation {
  /** The product, or `*` for a global model. */
  productId: string;
}

/**
 * Writes the format-2 model in `from` to `to` in today's format (`from` may be `to`: upgraded in
 * place) when it verifies; returns `undefined` when it did, otherwise why not (nothing written).
 * Whether it is still fresh for today's data is checked when it is loaded, as for any model.
 */
export async function upgradeLegacy(
  from: string,
  to: string,
  expected: LegacyExpectation,
): Promise<string | undefined> {
  let files;
  let metadata: LstmMetadata & { weightsSha256?: string };
  try {
    files = await readUnchecked(from);
    metadata = parseJson(files["metadata.json"]);
  } catch (error) {
    return `is damaged (${firstLine(error)})`;
  }
  if (metadata?.format !== LEGACY_FORMAT) {
    return `was written in format ${metadata?.format}; this version reads format ${STORE_FORMAT}`;
  }
  if ((await sha256Hex(files["weights.bin"])) !== metadata.weightsSha256) {
    return "is damaged (weights.bin checksum)";
  }
  const owner = ownerMismatch(metadata, expected.productId);
  if (owner !== undefined) return owner;
  if (!membersAreNumbers(metadata)) return "is damaged (a scaler or bias is not a finite number)";
  const { weightsSha256: _, ...rest } = metadata;
  await writeModelDir(to, {
    ...files,
    "metadata.json": jsonBytes({ ...rest, format: STORE_FORMAT }, 2),
  });
  return undefined;
}

/** Whether a directory holds a saved model's metadata. */
async function isModelDir(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(join(path, "metadata.json"))).isFile;
  } catch {
    return false;
  }
}

/** Whether every member's bias and scaler parameters are finite numbers. */
function membersAreNumbers(metadata: LstmMetadata): boolean {
  const finite = (value: unknown) => typeof value === "number" && Number.isFinite(value);
  const scaler = (s: { a?: unknown; b?: unknown } | undefined, optional: boolean): boolean =>
    s === undefined ? optional : finite(s?.a) && finite(s?.b);
  return Array.isArray(metadata.members) && metadata.members.length > 0 &&
    metadata.members.every((m) =>
      finite(m?.bias) && scaler(m.scalers?.target, false) && scaler(m.scalers?.sales, true)
    );
}
