/**
 * How much of a product's safety stock its large orders cause, and what carrying that stock
 * costs: the run's policy is asked again on the same day with the large order lines taken out of
 * the forecast errors (or, when they are served from outside stock, put back in) — the same
 * forecasts, the same pools, only the samples differ. A line is large above `--large-order-units`
 * when given, otherwise above the product's whole expected demand of L + R days (an order that
 * alone exceeds what the stock is planned to cover), and at least the floor of the lines file.
 * @module
 */

import type { Decision, DecisionSettings } from "../planning/decisions.ts";
import { decide } from "../planning/decisions.ts";
import type { ProductErrors } from "../planning/error_table.ts";
import type { Policy, PolicySettings } from "../policies/types.ts";
import type { LargeOrderEffect, StockPosition } from "../plan.ts";
import { largeUnitsOf, type OrderLine } from "./lines.ts";
import { ORDER_LINE_FLOOR } from "./order_lines_file.ts";

/** The inputs of {@link largeOrderEffects}. */
export interface EffectInputs {
  tables: readonly ProductErrors[];
  /** The day of the decisions (the day after the data). */
  day: number;
  /** The decisions the plan used. */
  decisions: Map<number, Decision>;
  /** The daily forecasts behind them. */
  forecastOf: (index: number) => { sales: ArrayLike<number>; returns: ArrayLike<number> };
  decisionSettings: DecisionSettings;
  settings: PolicySettings;
  policy: Policy;
  lines: ReadonlyMap<string, readonly OrderLine[]>;
  /** `--large-order-units`: the demand planned is already without these lines. */
  servedOutside?: number;
  positions?: ReadonlyMap<string, StockPosition>;
}

/** The large-order threshold of a product: `--large-order-units`, or its L + R days' demand. */
export function largeThreshold(table: ProductErrors, reviewPeriod: number, units?: number): number {
  if (units !== undefined) return units;
  const sales = table.product.sales;
  const mean = sales.reduce((a, b) => a + b, 0) / Math.max(1, sales.length);
  return Math.max(ORDER_LINE_FLOOR, mean * (table.leadTime + reviewPeriod));
}

/** The effect per product id (products with large lines only). */
export function largeOrderEffects(inputs: EffectInputs): Map<string, LargeOrderEffect> {
  const { tables, settings } = inputs;
  const R = settings.reviewPeriod;
  const rho = settings.restockRate;
  const perProduct = tables.map((table) => {
    const mine = inputs.lines.get(table.product.id) ?? [];
    const threshold = largeThreshold(table, R, inputs.servedOutside);
    const units = largeUnitsOf(table.product, mine, threshold);
    const count = mine.filter((l) => l.kind === "sale" && l.units > threshold).length;
    return { units, count, total: units.sales.reduce((a, b) => a + b, 0) };
  });
  if (perProduct.every((p) => p.count === 0)) return new Map();
  const sign = inputs.servedOutside === undefined ? -1 : 1;
  const adjust = (p: number, j: number) => {
    const table = tables[p];
    const { sales, returns } = perProduct[p].units;
    const from = table.origins[j] - table.product.start;
    let cycle = 0;
    let lead = 0;
    for (let h = 0; h < table.leadTime + R; h++) {
      const net = (sales[from + h] ?? 0) - rho * (returns[from + h] ?? 0);
      cycle += net;
      if (h < table.leadTime) lead += net;
    }
    return { cycle: sign * cycle, lead: sign * lead };
  };
  const other = decide(tables, inputs.day, (i) => ({
    models: inputs.decisions.get(i)!.models,
    ...inputs.forecastOf(i),
  }), { ...inputs.decisionSettings, adjust });
  const effects = new Map<string, LargeOrderEffect>();
  tables.forEach((table, i) => {
    if (perProduct[i].count === 0) return;
    const at = inputs.positions?.get(table.product.id);
    const position = at ? at.onHand + at.onOrder : undefined;
    const safety = (decision: Decision) =>
      inputs.policy.levels(
        {
          forecast: decision.forecast,
          errors: decision.errors,
          ...(position !== undefined ? { position } : {}),
        },
        { ...settings, leadTime: table.leadTime },
      ).safetyStock;
    const base = safety(inputs.decisions.get(i)!);
    const alt = safety(other.get(i)!);
    const caused = Math.max(0, sign < 0 ? base - alt : alt - base);
    const years = table.product.sales.length / 365;
    effects.set(table.product.id, {
      lines: perProduct[i].count,
      unitsPerYear: perProduct[i].total / years,
      safetyStock: caused,
      holdingPerYear: caused * settings.costs.holding * 365,
    });
  });
  return effects;
}
