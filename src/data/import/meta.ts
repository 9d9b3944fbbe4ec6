/**
 * The import summary is kept beside the daily CSV it describes (`FILE.import.json`), so later
 * stages (alerts, the report's data section) can say what the import dropped.
 * @module
 */

import type { ImportSummary } from "./order_lines.ts";

/** Path of the import summary that belongs to a daily CSV. */
export function importMetaPath(dailyPath: string): string {
  return dailyPath.replace(/\.csv(\.gz)?$/i, "") + ".import.json";
}

/** Reads the import summary beside a daily CSV, or `undefined` when there is none. */
export async function readImportMeta(
  dailyPath: string,
): Promise<(ImportSummary & { source: string }) | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(importMetaPath(dailyPath)));
  } catch {
    return undefined;
  }
}
