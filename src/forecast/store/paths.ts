/**
 * Where saved models live: `models/<product>/<target>/<model>/` (model.json, weights.bin,
 * metadata.json). Product ids are user data, so they are encoded into safe directory names.
 * @module
 */

import { join } from "node:path";
import type { Target } from "../types.ts";

/** Default root of saved models. */
export const DEFAULT_MODELS_DIR = "models";

/**
 * A product id as a directory name: letters, digits, `-` and `_` stay; every other character
 * becomes `.xx` (its UTF-8 bytes in hex), so the mapping is reversible and safe on every system.
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

/** Directory of one saved model. */
export function modelDir(root: string, productId: string, target: Target, model: string): string {
  return join(root, safeName(productId), target, model);
}
