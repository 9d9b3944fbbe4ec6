/**
 * Errors a user can act on. An {@link InputError} is bad input or bad usage (exit code 2); the CLI
 * prints its message as one line and never a stack trace.
 * @module
 */

/** Where in a file a problem was found. */
export interface InputLocation {
  /** The file, as the user named it. */
  file?: string;
  /** 1-based line number in the file. */
  line?: number;
}

/**
 * Bad input or bad usage: the message says what is wrong, with the value, and what to do.
 * The CLI exits with code 2 on it.
 *
 * @example
 * ```ts
 * import { InputError } from "./errors.ts";
 * const error = new InputError("sales must be a number ≥ 0, got \"abc\"", { file: "a.csv", line: 3 });
 * error.message; // "a.csv:3: sales must be a number ≥ 0, got \"abc\""
 * ```
 */
export class InputError extends Error {
  /** The file the problem is in, when there is one. */
  readonly file?: string;
  /** The 1-based line of the problem, when there is one. */
  readonly line?: number;

  /** Builds the error; the location, when given, prefixes the message as `file:line: `. */
  constructor(message: string, location: InputLocation = {}) {
    const where = location.file === undefined
      ? ""
      : location.line === undefined
      ? `${location.file}: `
      : `${location.file}:${location.line}: `;
    super(where + message);
    this.name = "InputError";
    this.file = location.file;
    this.line = location.line;
  }
}

/** Most characters of a value an error message quotes (longer values are cut in the middle). */
export const QUOTE_LIMIT = 100;

/**
 * A value quoted for an error message: JSON-quoted, and cut to about {@link QUOTE_LIMIT}
 * characters (the start and the end, with the full length) so that a 200 MB line never ends up
 * in a one-line error.
 *
 * @example
 * ```ts
 * import { quoted } from "./errors.ts";
 * quoted("abc"); // "\"abc\""
 * quoted("x".repeat(500)).length < 130; // true
 * ```
 */
export function quoted(value: string): string {
  if (value.length <= QUOTE_LIMIT) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, 70))}…${JSON.stringify(value.slice(-20))} (${
    value.length.toLocaleString("en-US")
  } characters)`;
}

/**
 * Text for an error message, unquoted, cut to about {@link QUOTE_LIMIT} characters.
 *
 * @example
 * ```ts
 * import { clipped } from "./errors.ts";
 * clipped("date, sales"); // "date, sales"
 * clipped("x".repeat(500)).endsWith("(500 characters)"); // true
 * ```
 */
export function clipped(text: string): string {
  if (text.length <= QUOTE_LIMIT) return text;
  return `${text.slice(0, 70)}…${text.slice(-20)} (${
    text.length.toLocaleString("en-US")
  } characters)`;
}
