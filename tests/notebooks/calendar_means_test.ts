import { assertEquals } from "../helpers/assert.ts";
import { monthMeans, weekdayMeans, weeklyMeans } from "../../src/notebooks/calendar_means.ts";
import { parseIsoDay } from "../../src/data/dates.ts";

const MONDAY = parseIsoDay("2024-01-01")!; // a Monday

Deno.test("weeklyMeans averages consecutive 7-day blocks and drops a partial last block", () => {
  assertEquals(Array.from(weeklyMeans(Array.from({ length: 20 }, (_, i) => i))), [3, 10]);
  assertEquals(Array.from(weeklyMeans([1, 2, 3])), []);
});

Deno.test("weekdayMeans starts at Monday whatever day the series starts on", () => {
  // Starts on a Wednesday: values 1…14 → Wednesday gets 1 and 8.
  const means = weekdayMeans(Array.from({ length: 14 }, (_, i) => i + 1), MONDAY + 2);
  assertEquals(Array.from(means), [9.5, 10.5, 4.5, 5.5, 6.5, 7.5, 8.5]);
  assertEquals(Array.from(weekdayMeans([5], MONDAY)).map(Number.isNaN), [
    false,
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
});

Deno.test("monthMeans pools each calendar month over the years", () => {
  const start = parseIsoDay("2023-12-31")!;
  // 2023-12-31 = 4, 2024-01-01 … 2024-01-31 = 2, 2024-02-01 = 6, then 2024-12-01 = 8.
  const values = [4, ...Array(31).fill(2), 6];
  const means = monthMeans(values, start);
  assertEquals([means[0], means[1], means[11]], [2, 6, 4]);
  assertEquals(Number.isNaN(means[5]), true);
});
