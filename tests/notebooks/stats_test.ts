import { assertEquals } from "../helpers/assert.ts";
import { mean, relativeToMean, standardDeviation } from "../../src/notebooks/stats.ts";

Deno.test("mean, standardDeviation and relativeToMean", () => {
  assertEquals(mean([1, 2, 6]), 3);
  assertEquals(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]), 2);
  assertEquals(standardDeviation([3, 3]), 0);
  assertEquals(Array.from(relativeToMean(new Float64Array([1, 3]))), [0.5, 1.5]);
});

Deno.test("statistics of nothing are NaN", () => {
  assertEquals([mean([]), standardDeviation([])].map(Number.isNaN), [true, true]);
  assertEquals(Array.from(relativeToMean([0, 0])).map(Number.isNaN), [true, true]);
});
