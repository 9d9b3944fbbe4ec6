/**
 * Flag parsing for the CLI on top of `node:util`'s `parseArgs`: every command declares its flags
 * once (name, type, default, help), gets `--help` text from them, and turns loose strings into
 * checked values with the helpers below. Problems are `InputError`s (exit code 2).
 * @module
 */

import { parseArgs } from "node:util";
import { InputError } from "../io/errors.ts";
import { parseIsoDay } from "../data/dates.ts";

/** One flag of a command. */
export interface FlagSpec {
  /** `string` takes a value, `boolean` is a switch. */
  type: "string" | "boolean";
  /** What the flag does, for `--help`. */
  help: string;
  /** Default value, shown in `--help`. */
  default?: string;
  /** Placeholder for the value in `--help` (e.g. `FILE`). */
  value?: string;
}

/** A command's flags by name (without the leading `--`). */
export type FlagSpecs = Record<string, FlagSpec>;

/** Parsed flag values: strings for value flags, booleans for switches. */
export type FlagValues = Record<string, string | boolean | undefined>;

/** A subcommand of the CLI. */
export interface Command {
  /** Name as typed after `cli.ts`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Flags the command takes. */
  flags: FlagSpecs;
  /** Examples for `--help`. */
  examples: string[];
  /** Runs the command with parsed flags; returns the exit code. */
  run(values: FlagValues): Promise<number>;
}

/**
 * Parses `argv` against a command's flags. Unknown flags, missing values and stray arguments are
 * `InputError`s that point to `--help`.
 */
export function parseFlags(command: Command, argv: string[]): FlagValues {
  const options: Record<string, { type: "string" | "boolean" }> = { help: { type: "boolean" } };
  for (const [name, spec] of Object.entries(command.flags)) options[name] = { type: spec.type };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InputError(`${command.name}: ${message}; see \`deno task ${command.name} --help\``);
  }
  const values: FlagValues = { ...parsed.values } as FlagValues;
  for (const [name, spec] of Object.entries(command.flags)) {
    if (values[name] === undefined && spec.default !== undefined) values[name] = spec.default;
  }
  return values;
}

/** The `--help` text of a command. */
export function helpText(command: Command): string {
  const lines = [`deno task ${command.name} — ${command.summary}`, "", "Options:"];
  const entries = Object.entries(command.flags);
  const labels = entries.map(([name, spec]) =>
    spec.type === "boolean" ? `--${name}` : `--${name} ${spec.value ?? "VALUE"}`
  );
  const width = Math.max(...labels.map((label) => label.length), "--help".length) + 2;
  entries.forEach(([, spec], i) => {
    const fallback = spec.default === undefined ? "" : ` (default: ${spec.default})`;
    lines.push(`  ${labels[i].padEnd(width)}${spec.help}${fallback}`);
  });
  lines.push(`  ${"--help".padEnd(width)}show this help`);
  if (command.examples.length > 0) {
    lines.push("", "Examples:", ...command.examples.map((example) => `  ${example}`));
  }
  return lines.join("\n");
}

/** Reads a string flag that must be present. */
export function requiredString(values: FlagValues, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") {
    throw new InputError(
      `${command}: --${name} is required; see \`deno task ${command} --help\``,
    );
  }
  return value;
}

/** Reads an optional string flag. */
export function optionalString(values: FlagValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Reads an integer flag within [min, max]. */
export function integerFlag(
  values: FlagValues,
  name: string,
  range: { min: number; max: number },
): number {
  const text = String(values[name] ?? "");
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text.trim()) || value < range.min || value > range.max) {
    throw new InputError(
      `--${name} must be a whole number from ${range.min} to ${range.max}, got ${
        JSON.stringify(text)
      }`,
    );
  }
  return value;
}

/** Reads a decimal flag within [min, max]. */
export function numberFlag(
  values: FlagValues,
  name: string,
  range: { min: number; max: number },
): number {
  const text = String(values[name] ?? "");
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new InputError(
      `--${name} must be a number from ${range.min} to ${range.max}, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** Reads an ISO date flag as a day number. */
export function dateFlag(values: FlagValues, name: string): number {
  const text = String(values[name] ?? "");
  const day = parseIsoDay(text);
  if (day === undefined) {
    throw new InputError(
      `--${name} must be a date in YYYY-MM-DD form, got ${JSON.stringify(text)}`,
    );
  }
  return day;
}

/** Reads a comma-separated list flag (empty entries dropped), or `undefined` when absent. */
export function listFlag(values: FlagValues, name: string): string[] | undefined {
  const text = optionalString(values, name);
  if (text === undefined) return undefined;
  const items = text.split(",").map((item) => item.trim()).filter((item) => item !== "");
  if (items.length === 0) throw new InputError(`--${name} must list at least one value`);
  return items;
}
