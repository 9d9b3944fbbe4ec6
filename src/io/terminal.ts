/**
 * Text for the terminal. Product ids, file names and values come from users' files, so anything
 * printed can hold control characters that move the cursor, recolour or rewrite a line, or
 * reorder text (bidirectional overrides). {@link terminalSafe} escapes them.
 * @module
 */

// C0 controls, DEL, C1 controls, bidirectional embeddings/overrides/isolates, line and paragraph
// separators, the zero-width no-break space.
// deno-lint-ignore no-control-regex
const UNSAFE = new RegExp(
  "[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff]",
  "g",
);

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Escapes control and bidirectional-formatting characters as `\n`, `\xNN` or `\u{NNNN}`, so
 * that a line printed on a terminal shows exactly what it holds.
 *
 * @example
 * ```ts
 * import { terminalSafe } from "./terminal.ts";
 * terminalSafe("P1\u001b[2Jx"); // "P1\\x1b[2Jx"
 * ```
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}
