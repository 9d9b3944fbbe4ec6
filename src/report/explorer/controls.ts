/**
 * The explorer's inputs as the page declares them (server side): stable name, label, kind and
 * range — the ranges of the CLI's own options (`config/`), so the page accepts what
 * `deno task plan` accepts. The page reads the values back by name; `levels.ts` says which
 * controls a policy reads.
 * @module
 */

import { HORIZON } from "../../config/forecast_options.ts";
import { PLAN_OPTIONS, TARGET_RANGE } from "../../config/plan_options.ts";
import type { ControlValues, PolicyControl } from "./levels.ts";

/** A numeric input: a slider (`range`) or a box (`number`). */
export interface ControlSpec {
  name: "horizon" | PolicyControl;
  label: string;
  kind: "range" | "number";
  min: number;
  max: number;
  /** The step; `"any"` where the run's value is off the usual grid (it must stay exact). */
  step: number | "any";
  value: number;
}

/** The step, or "any" when `value` is not on the grid from `min` (a slider would move it). */
function stepFor(min: number, step: number, value: number): number | "any" {
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9 ? step : "any";
}

/** The numeric controls, in page order, with the run's values. */
export function numericControls(
  horizon: number,
  forecastDays: number,
  values: ControlValues,
): ControlSpec[] {
  const o = PLAN_OPTIONS;
  const spec = (
    name: ControlSpec["name"],
    label: string,
    kind: ControlSpec["kind"],
    range: { min: number; max: number },
    step: number,
    value: number,
  ): ControlSpec => ({ name, label, kind, ...range, step: stepFor(range.min, step, value), value });
  return [
    spec(
      "horizon",
      "Horizon (days)",
      "range",
      {
        min: HORIZON.min,
        max: Math.max(HORIZON.min, forecastDays),
      },
      1,
      horizon,
    ),
    spec("target", "Service target", "number", TARGET_RANGE, 0.001, values.target),
    spec(
      "safety-factor",
      "Safety factor (multiplier)",
      "range",
      o.safetyFactor,
      0.05,
      values["safety-factor"],
    ),
    spec("lead-time", "Lead time (days)", "number", o.leadTime, 1, values["lead-time"]),
    spec(
      "review-period",
      "Review period (days)",
      "number",
      o.reviewPeriod,
      1,
      values["review-period"],
    ),
    spec(
      "restock-rate",
      "Restock rate (returns resold)",
      "range",
      o.restockRate,
      0.05,
      values["restock-rate"],
    ),
    spec(
      "holding-cost",
      "Holding cost (per unit per day)",
      "number",
      o.holdingCost,
      0.01,
      values["holding-cost"],
    ),
    spec(
      "shortage-cost",
      "Shortage cost (per unit short)",
      "number",
      o.shortageCost,
      0.01,
      values["shortage-cost"],
    ),
  ];
}
