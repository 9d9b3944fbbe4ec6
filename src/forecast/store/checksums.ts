/**
 * The checksum manifest of a saved model, `checksums.json`: the SHA-256 of every file the model
 * is made of (topology, weights, scalers and metadata), written last and checked before use.
 *
 * ```json
 * {
 *   "algorithm": "SHA-256",
 *   "files": { "metadata.json": "…", "model.json": "…", "weights.bin": "…" }
 * }
 * ```
 *
 * It guards against changes and damage (an edited `bias` or scaler, a truncated file), not
 * against someone who rewrites the manifest too: it is a checksum, not a signature.
 * @module
 */

import { sha256Hex } from "./fingerprint.ts";

/** Name of the manifest file in a model directory. */
export const CHECKSUMS_FILE = "checksums.json";

/** The files every saved model is made of, all covered by the manifest. */
export const MODEL_FILES = ["metadata.json", "model.json", "weights.bin"] as const;

/** One of {@link MODEL_FILES}. */
export type ModelFile = typeof MODEL_FILES[number];

/** The contents of a model directory, file by file. */
export type ModelFiles = Record<ModelFile, Uint8Array>;

/** What `checksums.json` holds. */
export interface ChecksumManifest {
  /** Always `SHA-256`. */
  algorithm: "SHA-256";
  /** Hex SHA-256 of each file, by name. */
  files: Record<ModelFile, string>;
}

/** The manifest text for some files (deterministic: fixed key order, no time). */
export async function checksumManifest(files: ModelFiles): Promise<string> {
  const manifest: ChecksumManifest = {
    algorithm: "SHA-256",
    files: Object.fromEntries(
      await Promise.all(MODEL_FILES.map(async (name) => [name, await sha256Hex(files[name])])),
    ) as Record<ModelFile, string>,
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}

/**
 * Why `files` do not match the manifest text, or `undefined` when every file does: e.g.
 * `metadata.json checksum`, or `checksums.json is not a checksum manifest`.
 */
export async function checksumMismatch(
  manifestText: string,
  files: ModelFiles,
): Promise<string | undefined> {
  let manifest: ChecksumManifest;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return `${CHECKSUMS_FILE} is not valid JSON`;
  }
  if (manifest?.algorithm !== "SHA-256" || !manifest.files || typeof manifest.files !== "object") {
    return `${CHECKSUMS_FILE} is not a checksum manifest`;
  }
  for (const name of MODEL_FILES) {
    if (typeof manifest.files[name] !== "string") return `${CHECKSUMS_FILE} does not list ${name}`;
    if ((await sha256Hex(files[name])) !== manifest.files[name]) return `${name} checksum`;
  }
  return undefined;
}
