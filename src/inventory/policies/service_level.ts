/**
 * `service-level`: an order-up-to policy. S = expected net demand over lead time + review period
 * (L + R) + z · σ(L+R), with net demand = sales − ρ · returns, z = Φ⁻¹(service level) and σ from
 * the forecast's own backtest errors; reorder point = μ(L) + z · σ(L).
 * @module
 */

import type { ErrorScale } from "../sigma.ts";
import type { Policy, PolicySettings, StockLevels } from "./types.ts";
import { netDemand, safetyZ, sumAhead } from "./stock.ts";

/**
 * Service-level stock levels from the forecast (sales and returns per day from tomorrow) and the
 * σ of the forecast's errors of L-day and (L + R)-day net-demand totals.
 */
export function serviceLevelStock(
  sales: ArrayLike<number>,
  returns: ArrayLike<number>,
  scale: ErrorScale,
  settings: PolicySettings,
  from = 0,
): StockLevels & { sigma: number } {
  const z = safetyZ(settings.serviceLevel);
  const net = netDemand(sales, returns, settings.restockRate);
  const cycle = settings.leadTime + settings.reviewPeriod;
  const expectedNetDemand = Math.max(0, sumAhead(net, from, cycle));
  const leadDemand = Math.max(0, sumAhead(net, from, settings.leadTime));
  const sigma = scale.cycle;
  const safetyStock = Math.max(0, z * sigma);
  return {
    expectedNetDemand,
    safetyStock,
    reorderPoint: leadDemand + Math.max(0, z * scale.lead),
    orderUpTo: expectedNetDemand + safetyStock,
    sigma,
  };
}

/** The service-level policy. */
export const serviceLevelPolicy: Policy = {
  id: "service-level",
  summary: "order-up-to from forecast errors",
  label: "service level (order-up-to, σ from forecast errors)",
  hasServiceTarget: true,
  chart: "cycle",
  levels(f, settings, from = 0) {
    const { expectedNetDemand, safetyStock, reorderPoint, orderUpTo } = serviceLevelStock(
      f.sales,
      f.returns,
      f.scale,
      settings,
      from,
    );
    return { expectedNetDemand, safetyStock, reorderPoint, orderUpTo };
  },
  daily(f, settings, days) {
    return Float64Array.from(
      { length: days },
      (_, t) => serviceLevelStock(f.sales, f.returns, f.scale, settings, t).orderUpTo,
    );
  },
  describe: (s, z) =>
    `service level ${(s.serviceLevel * 100).toFixed(1)} % (z = ${z?.toFixed(3) ?? "–"})`,
  caption: (s, cycle) =>
    `Recommended inventory = the level to order up to on each day: forecast net demand (sales − ${s.restockRate} × returns) over the next ${cycle} days (lead time + review period) plus safety stock. Sales and returns are
drawn as totals over those ${cycle} days, the period each order must cover.`,
};
