// Day arithmetic the models and the calendar rely on.
import { dayOfYear, parseIsoDay } from "../../src/data/dates.ts";
import { assertEquals } from "../helpers/assert.ts";

const day = (text: string) => parseIsoDay(text, 2400)!;

Deno.test("dayOfYear agrees with the calendar on every day from 1900 to 2400", () => {
  const msPerDay = 86_400_000;
  for (let d = day("1900-01-01"); d <= day("2400-12-31"); d++) {
    const date = new Date(d * msPerDay);
    const expected = d - Date.UTC(date.getUTCFullYear(), 0, 1) / msPerDay;
    if (dayOfYear(d) !== expected) assertEquals(dayOfYear(d), expected, `day ${d}`);
  }
  assertEquals(dayOfYear(day("2024-12-31")), 365); // a leap year's last day
  assertEquals(dayOfYear(day("2023-03-01")), 59);
  assertEquals(dayOfYear(day("1900-03-01")), 59); // 1900 was not a leap year
  assertEquals(dayOfYear(day("2000-03-01")), 60); // 2000 was
});
