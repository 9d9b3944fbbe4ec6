import { describeCalendar, detectCalendar, isOpen, openMask } from "../../src/data/calendar.ts";
import { cleanSeries } from "../../src/data/clean.ts";
import { parseIsoDay, weekday } from "../../src/data/dates.ts";
import type { ProductSeries } from "../../src/data/series.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const START = parseIsoDay("2023-01-02")!; // a Monday
const SATURDAY = 5;

/** Products selling every day but Saturday, and not at all during a 5-day holiday. */
function shop(days: number, holiday: [number, number], level = 20): ProductSeries[] {
  return ["A", "B", "C"].map((id, k) => ({
    id,
    start: START,
    sales: Float64Array.from({ length: days }, (_, i) => {
      const closed = weekday(START + i) === SATURDAY || (i >= holiday[0] && i <= holiday[1]);
      return closed ? 0 : level + k + (i % 5);
    }),
    returns: new Float64Array(days),
    filledDays: 0,
  }));
}

Deno.test("closed days: no product sold at all; Saturdays are closed as a rule; holidays recur", () => {
  const products = shop(120, [50, 56]);
  const calendar = detectCalendar({ source: "t", products });
  assert(calendar.closedWeekdays.has(SATURDAY), "Saturdays closed");
  assertEquals(calendar.closedWeekdays.size, 1);
  assert(calendar.closedDays.has(START + 51), "a holiday day is closed");
  assert(!calendar.closedDays.has(START + 49), "the day before is open");
  // the holiday's month-days recur next year; a Saturday ahead is closed; a Tuesday is open
  assert(!isOpen(calendar, START + 365 + 51), "same date next year closed");
  assert(
    !isOpen(calendar, START + 124 + ((SATURDAY - weekday(START + 124) + 7) % 7)),
    "future Saturday",
  );
  assert(isOpen(calendar, START + 120 + ((1 - weekday(START + 120) + 7) % 7)), "future Tuesday");
  assert(describeCalendar(calendar).includes("Saturdays"), describeCalendar(calendar));
  const listed = detectCalendar({ source: "t", products }, [START + 130]);
  assertEquals(openMask(listed, START, 131, START + 119)[130], 0, "--closed dates are closed");
});

Deno.test("a quiet shop (median under 10 units a day) is open every day: a day without sales is ordinary", () => {
  const products = shop(120, [50, 56], 1).map((p) => ({
    ...p,
    sales: p.sales.map((v) => (v > 3 ? 0 : v)),
  }));
  const calendar = detectCalendar({ source: "t", products: products.slice(0, 1) });
  assertEquals(calendar.closedDays.size, 0);
});

Deno.test("cleaning fills holidays from their weekday, keeps closed weekdays at 0 and caps spikes", () => {
  const days = 70;
  const values = Float64Array.from(
    { length: days },
    (_, i) => (weekday(START + i) === SATURDAY ? 0 : 10),
  );
  values[30] = 0; // a holiday on a normally open day
  values[41] = 200; // a 20× spike
  const open = Uint8Array.from(
    { length: days },
    (_, i) => (weekday(START + i) === SATURDAY || i === 30 ? 0 : 1),
  );
  const cleaned = cleanSeries(values, START, open, (w) => w === SATURDAY);
  assertEquals(cleaned.values[30], 10, "holiday filled from the same weekday");
  assertEquals(cleaned.values[5], 0, "Saturday stays 0");
  assertEquals(cleaned.values[41], 50, "spike capped at 5 × the typical day");
  assertEquals(cleaned.clipped, 1);
  assertEquals(cleaned.imputed, 1);
  assertEquals(values[41], 200, "the input is not changed");
});

Deno.test("a lone huge return is capped against the sales when returns are too sparse to judge", () => {
  const sales = new Float64Array(60).fill(40);
  const returns = new Float64Array(60);
  returns[30] = 7000;
  returns[10] = 2;
  const cleaned = cleanSeries(returns, START, undefined, () => false, sales);
  assertEquals(cleaned.values[30], 200);
  assertEquals(cleaned.values[10], 2);
});
