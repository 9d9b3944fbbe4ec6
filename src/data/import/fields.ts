/**
 * The fields of an order line, read strictly: quantities and prices in decimal notation within
 * a documented range, dates in the accepted years, clock times that exist, and the Online Retail
 * codes that are not products.
 * @module
 */

import { parseIsoDay } from "../dates.ts";
import { InputError, quoted } from "../../io/errors.ts";

/** Minutes in a day. */
export const DAY_MINUTES = 1440;

const NON_PRODUCT_CODES = new Set([
  "POST",
  "DOT",
  "M",
  "C2",
  "C3",
  "D",
  "S",
  "BANK CHARGES",
  "ADJUST",
  "ADJUST2",
  "AMAZONFEE",
  "PADS",
  "CRUK",
  "TEST001",
  "TEST002",
  "B",
  "GIFT",
]);

/** Whether an (upper-cased, trimmed) Online Retail stock code is not a product. */
export function isNonProductCode(code: string): boolean {
  return NON_PRODUCT_CODES.has(code) || code.startsWith("GIFT_0001_");
}

/** Decimal notation only (no hex, no `Infinity`), optionally signed. */
const SIGNED_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Most units (or pounds) one order line may carry: 10¹², so no daily sum can overflow. */
export const MAX_LINE_VALUE = 1e12;

/** Reads a quantity or price; anything else is an `InputError` naming file, line and value. */
export function numberField(text: string, name: string, file: string, line: number): number {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!SIGNED_DECIMAL.test(trimmed)) {
    throw new InputError(
      `${name} must be a decimal number (like 12, -3 or 2.55), got ${quoted(text)}`,
      { file, line },
    );
  }
  if (Math.abs(value) > MAX_LINE_VALUE) {
    throw new InputError(`${name} must be at most 10^12 in size, got ${quoted(text)}`, {
      file,
      line,
    });
  }
  return value;
}

/** A clock time `H:MM`, `HH:MM` or `HH:MM:SS` (with optional fractions of a second). */
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Minutes since 1970-01-01 for `YYYY-MM-DD[ HH:MM[:SS]]` or `M/D/YYYY[ H:MM]`. */
export function parseTimestamp(text: string, cache: Map<string, number>): number | undefined {
  const space = text.indexOf(" ");
  const datePart = space < 0 ? text : text.slice(0, space);
  let day = cache.get(datePart);
  if (day === undefined) {
    const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(datePart);
    day = us
      ? parseIsoDay(`${us[3]}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}`)
      : parseIsoDay(datePart);
    if (day === undefined) return undefined;
    cache.set(datePart, day);
  }
  let minutes = 0;
  if (space >= 0) {
    const time = CLOCK.exec(text.slice(space + 1));
    if (!time) return undefined;
    const [hours, mins, secs] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (hours > 23 || mins > 59 || secs > 59) return undefined;
    minutes = hours * 60 + mins;
  }
  return day * DAY_MINUTES + minutes;
}
