/**
 * Calendar arithmetic on whole days. A day is an integer: days since 1970-01-01 (UTC), so
 * ranges, differences and weekdays are plain integer operations with no time zones involved.
 * @module
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** First and last year a date may have (data, flags): four-digit years, far from overflow. */
export const YEAR_RANGE = { first: 1900, last: 2199 } as const;

/**
 * Last year of a date Returncast writes: forecasts and backtests reach past the data's last day
 * (at most {@link YEAR_RANGE}'s end), so the files read back accept a century more.
 */
export const OUTPUT_LAST_YEAR = 2299;

/** Parses a date of an output file (see {@link parseIsoDay}, up to {@link OUTPUT_LAST_YEAR}). */
export function parseOutputDay(text: string): number | undefined {
  return parseIsoDay(text, OUTPUT_LAST_YEAR);
}

/** The last day data may have: 2199-12-31. */
export const LAST_DATA_DAY = Math.round(Date.UTC(YEAR_RANGE.last, 11, 31) / 86_400_000);

/** The accepted dates in words, for error messages. */
export const DATE_RANGE_TEXT =
  `a real calendar date in YYYY-MM-DD form from ${YEAR_RANGE.first}-01-01 to ${YEAR_RANGE.last}-12-31`;

/**
 * Parses a strict ISO `YYYY-MM-DD` date into a day number, or returns `undefined` when the text
 * is not such a date, names an impossible one (2023-02-30) or lies outside {@link YEAR_RANGE}
 * (`0023-06-15` is not read as 1923); `lastYear` moves the range's end.
 *
 * @example
 * ```ts
 * import { parseIsoDay } from "./dates.ts";
 * parseIsoDay("1970-01-02"); // 1
 * parseIsoDay("2023-02-30"); // undefined
 * parseIsoDay("0023-06-15"); // undefined
 * ```
 */
export function parseIsoDay(text: string, lastYear: number = YEAR_RANGE.last): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < YEAR_RANGE.first || year > lastYear) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year || check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1
  ) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { formatIsoDay } from "./dates.ts";
 * formatIsoDay(19358); // "2023-01-01"
 * ```
 */
export function formatIsoDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (formatted.size < 100_000) formatted.set(day, text);
  }
  return text;
}

const formatted = new Map<number, string>();

/** Day of the week of a day number: 0 = Monday … 6 = Sunday (ISO order). */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO weekday index 3).
  return ((day + 3) % 7 + 7) % 7;
}

/** Day numbers 1900-01-01 … 2199-12-31, where {@link dayOfYear} reads a table. */
const TABLE_FIRST = -25_567;
const TABLE_DAYS = 109_573;
let dayOfYearTable: Uint16Array | undefined;

/**
 * Day of the year, 0-based (0 = 1 January). It runs for every day of every deseasonalised
 * history, so days of 1900–2199 are read from a table (made on first use).
 */
export function dayOfYear(day: number): number {
  const index = day - TABLE_FIRST;
  if (index >= 0 && index < TABLE_DAYS && Number.isInteger(day)) {
    if (!dayOfYearTable) {
      dayOfYearTable = new Uint16Array(TABLE_DAYS);
      for (let i = 0; i < TABLE_DAYS; i++) dayOfYearTable[i] = civilDayOfYear(TABLE_FIRST + i);
    }
    return dayOfYearTable[index];
  }
  return civilDayOfYear(day);
}

/**
 * Day of the year in integer arithmetic (Hinnant's civil-from-days: years counted from 1 March,
 * so the leap day ends them).
 */
function civilDayOfYear(day: number): number {
  const z = day + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // [0, 146096]
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) -
      Math.floor(doe / 146_096)) / 365,
  ); // [0, 399]
  const fromMarch = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  if (fromMarch >= 306) return fromMarch - 306; // January or February
  const year = yoe + era * 400; // the calendar year of this March–December day
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 1 : 0;
  return fromMarch + 59 + leap;
}

/** Short English weekday names in ISO order, Monday first. */
export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
