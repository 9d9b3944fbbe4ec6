/**
 * Snapshot comparison for rendered output (after Plot's `test/output/*.svg`): the committed file
 * is the expected output; `UPDATE_SNAPSHOTS=1 deno test -A tests/report/` rewrites the files
 * instead of comparing, and the diff then shows in review.
 */

import { fileURLToPath } from "node:url";

/** The directory holding the committed snapshots. */
export const SNAPSHOT_DIR = new URL("./snapshots/", import.meta.url);

/**
 * First line of every snapshot file: keeps `deno fmt` (which formats SVG) from rewriting the
 * committed output. An XML comment before the root element leaves the file a valid SVG.
 */
export const SNAPSHOT_HEADER = "<!-- deno-fmt-ignore-file -->\n";

/** Whether this run rewrites snapshots instead of comparing them. */
export function updatingSnapshots(): boolean {
  return Deno.env.get("UPDATE_SNAPSHOTS") === "1";
}

/** 1-based line and the two differing lines of the first difference, or `undefined`. */
export function firstDifference(
  actual: string,
  expected: string,
): { line: number; actual: string; expected: string } | undefined {
  const a = actual.split("\n");
  const e = expected.split("\n");
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return { line: i + 1, actual: a[i] ?? "<end>", expected: e[i] ?? "<end>" };
  }
  return undefined;
}

/**
 * Compares `actual` with the snapshot file `name` (in {@link SNAPSHOT_DIR}), or writes it when
 * {@link updatingSnapshots}. Fails when the file is missing or differs, saying how to update.
 */
export async function assertSnapshot(actual: string, name: string): Promise<void> {
  const url = new URL(name, SNAPSHOT_DIR);
  const text = SNAPSHOT_HEADER + (actual.endsWith("\n") ? actual : actual + "\n");
  if (updatingSnapshots()) {
    await Deno.writeTextFile(url, text);
    return;
  }
  let expected: string;
  try {
    expected = await Deno.readTextFile(url);
  } catch {
    throw new Error(
      `snapshot ${
        fileURLToPath(url)
      } is missing: run UPDATE_SNAPSHOTS=1 deno test -A tests/report/`,
    );
  }
  const difference = firstDifference(text, expected);
  if (difference !== undefined) {
    const clip = (line: string) => line.length > 300 ? line.slice(0, 300) + "…" : line;
    throw new Error(
      `${name} differs from the snapshot at line ${difference.line}:\n` +
        `  expected: ${clip(difference.expected)}\n  actual:   ${clip(difference.actual)}\n` +
        `If the change is intended, run UPDATE_SNAPSHOTS=1 deno test -A tests/report/ and review ` +
        `the diff of tests/report/snapshots/.`,
    );
  }
}
