import { assertEquals } from "../helpers/assert.ts";
import { maeByStep } from "../../src/notebooks/error_by_step.ts";

Deno.test("maeByStep averages the absolute error of each step over the windows", () => {
  const mae = maeByStep([
    { forecast: { mean: [10, 10, 10] }, actual: [9, 14, 10] },
    { forecast: { mean: [10, 10, 10] }, actual: [11, 8, 16] },
    { forecast: { mean: [5, 5] }, actual: [8, 5] },
  ]);
  assertEquals(Array.from(mae), [5 / 3, 2, 3]);
});

Deno.test("maeByStep skips closed days, and a step nobody reaches is NaN", () => {
  const mae = maeByStep([
    { forecast: { mean: [10, 10] }, actual: [0, 12], open: [0, 1] },
    { forecast: { mean: [10, 10] }, actual: [0, 0], open: [0, 0] },
  ]);
  assertEquals(Number.isNaN(mae[0]), true);
  assertEquals(mae[1], 2);
  assertEquals(maeByStep([]).length, 0);
});
