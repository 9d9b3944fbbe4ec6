import { assertAlmostEquals, assertEquals, assertThrows } from "../helpers/assert.ts";
import { lagCorrelation } from "../../src/notebooks/lag_correlation.ts";
import { generateSynthetic } from "../../src/data/synthetic.ts";

Deno.test("lagCorrelation finds the lag of a shifted copy", () => {
  const sales = [5, 1, 4, 2, 8, 3, 6, 1, 7, 2, 9, 4];
  const returns = [0, 0, 0, ...sales.slice(0, 9)];
  const correlation = lagCorrelation(sales, returns, 5);
  assertEquals(correlation.length, 6);
  assertAlmostEquals(correlation[3], 1, 1e-12);
  for (const k of [0, 1, 2, 4, 5]) {
    if (!(correlation[k] < 0.9)) throw new Error(`lag ${k}: ${correlation[k]}`);
  }
});

Deno.test("lagCorrelation peaks at 7 days on the synthetic data", () => {
  const [product] = generateSynthetic({ products: 1, days: 365, start: 19358, seed: 42 }).products;
  const correlation = Array.from(lagCorrelation(product.sales, product.returns, 14));
  assertEquals(correlation.indexOf(Math.max(...correlation)), 7);
});

Deno.test("lagCorrelation is 0 where a side does not vary, and checks maxLag", () => {
  assertEquals(Array.from(lagCorrelation([1, 2, 3, 4], [5, 5, 5, 5], 1)), [0, 0]);
  assertEquals(Array.from(lagCorrelation([1, 2], [1, 2], 1)), [0, 0]);
  assertThrows(() => lagCorrelation([1], [1], -1), RangeError, "maxLag must be an integer ≥ 0");
});
