import { assertAlmostEquals, assertEquals } from "../helpers/assert.ts";
import { demandShape } from "../../src/notebooks/demand_shape.ts";

const product = (sales: number[], returns: number[] = sales.map(() => 0)) => ({
  id: "A",
  start: 19358,
  filledDays: 0,
  sales: new Float64Array(sales),
  returns: new Float64Array(returns),
});

Deno.test("demandShape measures zero days, the median selling day and the biggest day", () => {
  const shape = demandShape(
    product([0, 4, 2, 0, 100, 2, 6, 0, 2, 4], [0, 0, 0, 0, 0, 3, 0, 0, 0, 9]),
  );
  assertEquals(shape.days, 10);
  assertAlmostEquals(shape.zeroShare, 0.3);
  assertEquals(shape.medianNonZero, 4); // 2 2 2 4 4 6 100 → the 4th of 7
  assertEquals([shape.maxDay, shape.maxDayOn, shape.maxOverMedian], [100, 19362, 25]);
  assertAlmostEquals(shape.topFiveShare, (100 + 6 + 4 + 4 + 2) / 120);
  assertAlmostEquals(shape.returnRate, 0.1);
});

Deno.test("demandShape of a product that never sold", () => {
  const shape = demandShape(product([0, 0, 0]));
  assertEquals(
    [shape.zeroShare, shape.medianNonZero, shape.maxOverMedian, shape.topFiveShare],
    [1, 0, 0, 0],
  );
  assertEquals(shape.returnRate, 0);
});
