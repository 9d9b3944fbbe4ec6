/**
 * Fingerprints of data and settings: a saved model is reused only while the fingerprint of what
 * it was trained on still matches.
 * @module
 */

import type { SeriesContext } from "../types.ts";

/** SHA-256 of some bytes, hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Fingerprint of a training history (start day, target values, sales) and the settings that
 * shape the model (any JSON value). Same data and settings, same fingerprint.
 */
export async function fingerprintTraining(
  history: SeriesContext,
  settings: unknown,
): Promise<string> {
  const head = new TextEncoder().encode(
    JSON.stringify({ start: history.start, target: history.target, settings }),
  );
  const values = new Uint8Array(
    history.values.buffer,
    history.values.byteOffset,
    history.values.byteLength,
  );
  const sales = new Uint8Array(
    history.sales.buffer,
    history.sales.byteOffset,
    history.sales.byteLength,
  );
  const all = new Uint8Array(head.length + values.length + sales.length);
  all.set(head);
  all.set(values, head.length);
  all.set(sales, head.length + values.length);
  return (await sha256Hex(all)).slice(0, 32);
}
