/**
 * Where saved models live: `models/<product dir>/<target>/<model>/` (model.json, weights.bin,
 * metadata.json, checksums.json), the product directory named from a hash of the product id (see
 * {@link productDirName}), so that any id of any length or script works. Models saved by earlier
 * versions live under `models/<safeName(id)>/…` ({@link legacyModelDir}) and are moved on use.
 * @module
 */

import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Target } from "../types.ts";

/** Default root of saved models. */
export const DEFAULT_MODELS_DIR = "models";

/** Hex digits of the SHA-256 of the id kept in a product directory's name (80 bits). */
const HASH_DIGITS = 20;

/** Characters of the id kept, for people, in front of the hash. */
const PREFIX_CHARS = 16;

/**
 * The directory name of a product's models: a short readable prefix (letters, digits, `_`, `-`
 * of the id; `id` when there are none), `+`, and the first 20 hex digits of the SHA-256 of the
 * UTF-8 id. At most 37 ASCII characters for any id; two ids get the same name only if their
 * hashes agree in 80 bits, and case never matters (the hash is lower-case, the prefix is only a
 * label). A name never starts with `.` (the global model's `.all`) or `-`, and always holds `+`,
 * which {@link safeName} (the old layout) never writes, so old and new directories cannot meet.
 *
 * @example
 * ```ts
 * import { productDirName } from "./paths.ts";
 * productDirName("85123A"); // "85123A+" followed by 20 hex digits
 * ```
 */
export function productDirName(id: string): string {
  const hash = createHash("sha256").update(id, "utf8").digest("hex").slice(0, HASH_DIGITS);
  const readable = id.replace(/[^A-Za-z0-9_-]+/g, "_").replace(/^[_-]+/, "").slice(
    0,
    PREFIX_CHARS,
  ).replace(/[_-]+$/, "");
  return `${readable === "" ? "id" : readable}+${hash}`;
}

/** Directory of one saved model. */
export function modelDir(root: string, productId: string, target: Target, model: string): string {
  return join(root, productDirName(productId), target, model);
}

/**
 * A product id as a directory name the way format-2 stores named it (kept to find those models
 * and move them): letters, digits, `-` and `_` stay; every other byte of the UTF-8 id becomes
 * `.xx` (hex). Long or non-Latin ids give names too long for file systems, which is why the
 * store moved to {@link productDirName}.
 *
 * @example
 * ```ts
 * import { safeName } from "./paths.ts";
 * safeName("85123A"); // "85123A"
 * safeName("a/b c");  // "a.2fb.20c"
 * ```
 */
export function safeName(id: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(id)) {
    const char = String.fromCharCode(byte);
    out += /[A-Za-z0-9_-]/.test(char) ? char : "." + byte.toString(16).padStart(2, "0");
  }
  return out === "" ? ".empty" : out;
}

/** Where a format-2 store kept one product's model (the old layout). */
export function legacyModelDir(
  root: string,
  productId: string,
  target: Target,
  model: string,
): string {
  return join(root, safeName(productId), target, model);
}
