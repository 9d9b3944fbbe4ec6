/**
 * What the CLI prints. Product ids, file names and values come from users' files, so every line
 * goes through `terminalSafe` (control and bidirectional characters escaped) on its way out.
 * @module
 */

import { terminalSafe } from "../io/terminal.ts";

/** Text with each line made safe for a terminal (line breaks kept). */
export function safeLines(text: string): string {
  return text.split("\n").map(terminalSafe).join("\n");
}

/** Prints to standard output. */
export function printOut(text: string): void {
  console.log(safeLines(text));
}

/** Prints to standard error. */
export function printErr(text: string): void {
  console.error(safeLines(text));
}

/** Longest error line printed; longer messages are cut (the start says what is wrong). */
const ERROR_LINE_LIMIT = 1000;

/** Prints an error message as exactly one safe line on standard error. */
export function printErrorLine(text: string): void {
  const line = terminalSafe(text);
  console.error(line.length > ERROR_LINE_LIMIT ? `${line.slice(0, ERROR_LINE_LIMIT - 1)}…` : line);
}
