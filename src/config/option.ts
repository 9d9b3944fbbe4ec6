/**
 * Typed options: each setting is declared once — its flag, its value's placeholder, its help,
 * its default, its range — and that declaration gives the flag spec, the `--help` line and the
 * one check of the value (after Plot's `keyword()`: normalise once, at construction). A command
 * resolves its options once into a typed record; nothing downstream re-checks or re-defaults.
 * @module
 */

import { InputError, quoted } from "../io/errors.ts";
import { DATE_RANGE_TEXT, parseIsoDay } from "../data/dates.ts";
import { userPath } from "../io/user_paths.ts";

/** One setting of the command line. */
export interface Option<T> {
  /** The flag, without the leading `--`. */
  readonly flag: string;
  /** What it does, for `--help`. */
  readonly help: string;
  /** Placeholder of the value in `--help` (e.g. `FILE`); absent for a switch. */
  readonly value?: string;
  /** A switch (`--quiet`): true when given, false otherwise. */
  readonly switch?: true;
  /** The value when the flag is absent (or blank, for text-like values). */
  readonly default?: T;
  /** The default as `--help` shows it, when that is not `String(default)`. */
  readonly shownDefault?: string;
  /** The flag must be given; a string replaces the `--help` pointer of the error. */
  readonly required?: true | string;
  /** A blank value (`--data ""`) counts as absent. */
  readonly blankIsAbsent?: boolean;
  /** Turns the typed text into the value, or throws an InputError that names the flag. */
  readonly parse: (text: string) => T;
}

/** Options by the name a command reads them under. */
// deno-lint-ignore no-explicit-any
export type Options = Record<string, Option<any>>;

type Always<O> = O extends { default: unknown } ? true
  : O extends { required: true | string } ? true
  : O extends { switch: true } ? true
  : false;

/** The resolved values of options: present when they have a default, are required or switch. */
export type Resolved<O extends Options> = {
  -readonly [K in keyof O]: O[K] extends Option<infer T> ? Always<O[K]> extends true ? T
    : T | undefined
    : never;
};

/** What every option spec has. */
interface Spec<T> {
  help: string;
  value?: string;
  default?: T;
  shownDefault?: string;
  required?: true | string;
}

/** A whole number within a range. */
export function integer<S extends Spec<number> & { min: number; max: number }>(
  flag: string,
  spec: S,
): S & Option<number> {
  return {
    ...spec,
    flag,
    parse(text) {
      const value = Number(text);
      if (!/^[+-]?\d+$/.test(text.trim()) || value < spec.min || value > spec.max) {
        throw new InputError(
          `--${flag} must be a whole number from ${spec.min} to ${spec.max}, got ${quoted(text)}`,
        );
      }
      return value;
    },
  };
}

/** A decimal number within a range. */
export function decimal<S extends Spec<number> & { min: number; max: number }>(
  flag: string,
  spec: S,
): S & Option<number> {
  return { ...spec, flag, parse: (text) => parseDecimal(flag, text, spec) };
}

/** The check of {@link decimal}, for options that accept a number among other values. */
export function parseDecimal(flag: string, text: string, range: { min: number; max: number }) {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < range.min || value > range.max) {
    throw new InputError(
      `--${flag} must be a number from ${range.min} to ${range.max}, got ${quoted(text)}`,
    );
  }
  return value;
}

/** Free text (blank counts as absent). */
export function text<S extends Spec<string>>(flag: string, spec: S): S & Option<string> {
  return { ...spec, flag, blankIsAbsent: true, parse: (value) => value };
}

/** A path the user typed, resolved by `userPath` (against the directory the user ran the command from) (blank counts as absent). */
export function path<S extends Spec<string>>(flag: string, spec: S): S & Option<string> {
  return { ...spec, flag, blankIsAbsent: true, parse: userPath };
}

/** A comma-separated list (blank entries dropped; blank counts as absent). */
export function list<S extends Spec<readonly string[]>>(
  flag: string,
  spec: S,
  check: (items: string[]) => string[] = (items) => items,
): S & Option<readonly string[]> {
  return {
    ...spec,
    flag,
    blankIsAbsent: false, // `--models ""` is an error, not "the default"
    parse(value) {
      const items = value.split(",").map((item) => item.trim()).filter((item) => item !== "");
      if (items.length === 0) throw new InputError(`--${flag} must list at least one value`);
      return check(items);
    },
  };
}

/** A date in YYYY-MM-DD form, as a day number. */
export function date<S extends Spec<number>>(flag: string, spec: S): S & Option<number> {
  return {
    ...spec,
    flag,
    parse(value) {
      const day = parseIsoDay(value);
      if (day === undefined) {
        throw new InputError(
          `--${flag} must be ${DATE_RANGE_TEXT}, got ${quoted(value)}`,
        );
      }
      return day;
    },
  };
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** One of a few names (blank counts as absent). */
export function keyword<S extends Spec<string>>(
  flag: string,
  choices: () => readonly string[],
  spec: S,
): S & Option<string> {
  return {
    ...spec,
    flag,
    blankIsAbsent: true,
    parse(value) {
      if (!choices().includes(value)) {
        throw new InputError(
          `--${flag} must be ${orList(choices())}, got ${quoted(value)}`,
        );
      }
      return value;
    },
  };
}

/** A switch: true when given. */
export function toggle(flag: string, help: string): Option<boolean> & { switch: true } {
  return { flag, help, switch: true, parse: () => true };
}

/** An option with another help line (same flag, default and check). */
export function describedAs<O extends Option<unknown>>(option: O, help: string): O {
  return { ...option, help };
}

/**
 * Resolves a command's options from the flags as typed: each value checked once, defaults
 * applied, required flags enforced. Problems are InputErrors (exit code 2).
 */
export function resolveOptions<O extends Options>(
  command: string,
  options: O,
  typed: Record<string, string | boolean | undefined>,
): Resolved<O> {
  const resolved: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(options)) {
    const given = typed[option.flag];
    if (option.switch) {
      resolved[key] = given === true;
      continue;
    }
    const absent = given === undefined || (option.blankIsAbsent === true && given === "");
    if (!absent) resolved[key] = option.parse(String(given));
    else if (option.required) {
      const hint = option.required === true
        ? `see \`deno task ${command} --help\``
        : option.required;
      throw new InputError(`${command}: --${option.flag} is required; ${hint}`);
    } else resolved[key] = option.default;
  }
  return resolved as Resolved<O>;
}

/** The default as `--help` shows it. */
export function shownDefault(option: Option<unknown>): string | undefined {
  if (option.shownDefault !== undefined) return option.shownDefault;
  if (option.default === undefined) return undefined;
  return Array.isArray(option.default) ? option.default.join(",") : String(option.default);
}
