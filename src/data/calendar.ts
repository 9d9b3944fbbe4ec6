/**
 * When the shop was open. Real shops close (Saturdays, Christmas to New Year, bank holidays), and a
 * day with no sales because the doors were shut is not a day of zero demand. A day on which no
 * product sold or came back at all is taken as closed — but only when the shop is busy enough that
 * an open day without a single sale is implausible. From the closed days follow the weekdays that
 * are always closed and the holiday periods that recur each year, and so the closed days ahead.
 * @module
 */

import { formatIsoDay, weekday } from "./dates.ts";
import { type SeriesSet, spanOf } from "./series.ts";

/** Which days were and will be closed. */
export interface Calendar {
  /** Past closed days (day numbers), detected or listed with `--closed`. */
  readonly closedDays: ReadonlySet<number>;
  /** Weekdays (0 = Monday) that are closed as a rule. */
  readonly closedWeekdays: ReadonlySet<number>;
  /** Month-days (MM-DD) of recurring holiday closures. */
  readonly closedMonthDays: ReadonlySet<string>;
  /** Dates listed by the user (`--closed`), past or future. */
  readonly listed: ReadonlySet<number>;
}

/** A calendar in which every day is open. */
export const ALWAYS_OPEN: Calendar = {
  closedDays: new Set(),
  closedWeekdays: new Set(),
  closedMonthDays: new Set(),
  listed: new Set(),
};

/** Median daily units sold from which a day without any sale counts as closed. */
export const BUSY_DAILY_UNITS = 10;
/** Share of a weekday's dates that must be closed for the weekday to be closed as a rule. */
const WEEKDAY_RULE = 0.8;
/** A run of at least this many closed days (on normally open weekdays) recurs each year. */
const HOLIDAY_RUN = 3;

/** Whether the shop is (or was) open on a day. */
export function isOpen(calendar: Calendar, day: number): boolean {
  if (calendar.closedDays.has(day) || calendar.listed.has(day)) return false;
  return !calendar.closedWeekdays.has(weekday(day)) &&
    !calendar.closedMonthDays.has(formatIsoDay(day).slice(5));
}

/** Open (1) or closed (0) for `length` days from `start`. */
export function openMask(
  calendar: Calendar,
  start: number,
  length: number,
  lastKnown: number,
): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => {
    const day = start + i;
    if (day <= lastKnown) return calendar.closedDays.has(day) || calendar.listed.has(day) ? 0 : 1;
    return isOpen(calendar, day) ? 1 : 0;
  });
}

/**
 * Detects the calendar of a dataset. `listed` are extra closed dates (`--closed`). Datasets whose
 * median daily units sold are under {@link BUSY_DAILY_UNITS} are left open every day: there a day
 * without sales is ordinary.
 */
export function detectCalendar(set: SeriesSet, listed: readonly number[] = []): Calendar {
  const { first, last } = spanOf(set);
  const days = last - first + 1;
  const sold = new Float64Array(days);
  const moved = new Float64Array(days);
  for (const product of set.products) {
    for (let i = 0; i < product.sales.length; i++) {
      sold[product.start + i - first] += product.sales[i];
      moved[product.start + i - first] += product.sales[i] + product.returns[i];
    }
  }
  const sorted = Array.from(sold).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const listedSet = new Set(listed);
  if (median < BUSY_DAILY_UNITS) return { ...ALWAYS_OPEN, listed: listedSet };

  const closedDays = new Set<number>();
  for (let i = 0; i < days; i++) if (moved[i] === 0) closedDays.add(first + i);

  const perWeekday = Array.from({ length: 7 }, () => ({ closed: 0, all: 0 }));
  for (let i = 0; i < days; i++) {
    const w = perWeekday[weekday(first + i)];
    w.all++;
    if (closedDays.has(first + i)) w.closed++;
  }
  const closedWeekdays = new Set<number>();
  perWeekday.forEach((w, d) => {
    if (w.all >= 4 && w.closed / w.all >= WEEKDAY_RULE) closedWeekdays.add(d);
  });

  // Holiday periods: runs of closed days counted over normally open weekdays only.
  const closedMonthDays = new Set<string>();
  let run: number[] = [];
  const flush = () => {
    if (run.length >= HOLIDAY_RUN) {
      for (const day of run) closedMonthDays.add(formatIsoDay(day).slice(5));
    }
    run = [];
  };
  for (let day = first; day <= last; day++) {
    if (closedWeekdays.has(weekday(day))) continue;
    if (closedDays.has(day)) run.push(day);
    else flush();
  }
  flush();
  return { closedDays, closedWeekdays, closedMonthDays, listed: listedSet };
}

/** A one-line description: "closed: Saturdays, 12 other days; holidays 12-24 … 01-03". */
export function describeCalendar(calendar: Calendar): string {
  if (calendar.closedDays.size === 0 && calendar.listed.size === 0) return "open every day";
  const names = [
    "Mondays",
    "Tuesdays",
    "Wednesdays",
    "Thursdays",
    "Fridays",
    "Saturdays",
    "Sundays",
  ];
  const weekdays = [...calendar.closedWeekdays].sort().map((d) => names[d]);
  const other =
    [...calendar.closedDays].filter((d) => !calendar.closedWeekdays.has(weekday(d))).length;
  const parts = [...weekdays];
  if (other > 0) parts.push(`${other} other day${other === 1 ? "" : "s"} (holidays)`);
  if (calendar.listed.size > 0) parts.push(`${calendar.listed.size} listed with --closed`);
  return `closed: ${parts.join(", ")}`;
}
