import { assertEquals } from "../helpers/assert.ts";
import {
  forecastPoints,
  historyPoints,
  inventoryDays,
  linePoints,
} from "../../src/notebooks/chart_points.ts";
import type { ProductPlan } from "../../src/inventory/plan.ts";

const f64 = (values: number[]) => new Float64Array(values);

Deno.test("historyPoints and forecastPoints put day numbers on the values", () => {
  assertEquals(historyPoints([1, 2, 3, 4], 19358, 1, 3), [
    { date: "2023-01-02", value: 2 },
    { date: "2023-01-03", value: 3 },
  ]);
  assertEquals(historyPoints([1, 2], 19358, -5, 10).length, 2);
  const forecast = {
    mean: f64([5, 6]),
    lo80: f64([4, 5]),
    hi80: f64([6, 7]),
    lo95: f64([3, 4]),
    hi95: f64([7, 8]),
  };
  assertEquals(forecastPoints(forecast, 19358, 1), [
    { date: "2023-01-01", mean: 5, lo80: 4, hi80: 6, lo95: 3, hi95: 7 },
  ]);
});

Deno.test("linePoints numbers the values and leaves out what is not finite", () => {
  assertEquals(linePoints([0.5, NaN, Infinity, 0.25], 0), [{ x: 0, y: 0.5 }, { x: 3, y: 0.25 }]);
});

Deno.test("inventoryDays draws cycle totals for the service policies and daily figures for the multiplier", () => {
  const plan = (policy: "fill-rate" | "multiplier") =>
    ({
      policy,
      firstDay: 19358,
      daily: { sales: f64([]), returns: f64([]), recommended: f64([100, 90]) },
    }) as unknown as ProductPlan;
  const sales = [10, 20, 30];
  const returns = [1, 2, 3];
  assertEquals(inventoryDays(plan("multiplier"), sales, returns, 2), [
    { date: "2023-01-01", sales: 10, returns: 1, inventory: 100 },
    { date: "2023-01-02", sales: 20, returns: 2, inventory: 90 },
  ]);
  assertEquals(inventoryDays(plan("fill-rate"), sales, returns, 2), [
    { date: "2023-01-01", sales: 30, returns: 3, inventory: 100 },
    { date: "2023-01-02", sales: 50, returns: 5, inventory: 90 },
  ]);
});
