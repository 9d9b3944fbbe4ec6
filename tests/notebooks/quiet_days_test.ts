import { assertEquals } from "../helpers/assert.ts";
import { quietDays } from "../../src/notebooks/quiet_days.ts";
import { parseIsoDay } from "../../src/data/dates.ts";

const MONDAY = parseIsoDay("2024-01-01")!;
const product = (id: string, start: number, sales: number[], returns = sales.map(() => 0)) => ({
  id,
  start,
  filledDays: 0,
  sales: new Float64Array(sales),
  returns: new Float64Array(returns),
});

Deno.test("quietDays finds the days no product sold, by weekday, over the whole span", () => {
  const set = {
    source: "test",
    products: [
      // Sold nothing on Saturday (index 5); a return that day does not count as a sale.
      product("A", MONDAY, [1, 0, 1, 1, 1, 0, 1, 1], [0, 0, 0, 0, 0, 2, 0, 0]),
      // Starts on Tuesday, sells on Tuesday only.
      product("B", MONDAY + 1, [3, 0, 0, 0, 0, 0]),
    ],
  };
  const quiet = quietDays(set);
  assertEquals(quiet.spanDays, 8);
  assertEquals(quiet.days, [MONDAY + 5]);
  assertEquals(quiet.byWeekday, [0, 0, 0, 0, 0, 1, 0]);
  assertEquals(quiet.weekdaysInSpan, [2, 1, 1, 1, 1, 1, 1]);
});

Deno.test("quietDays of an empty set", () => {
  const quiet = quietDays({ source: "none", products: [] });
  assertEquals([quiet.spanDays, quiet.days.length], [0, 0]);
});
