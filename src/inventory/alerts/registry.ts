/**
 * Every alert rule, in the order the report's note on the thresholds states them. Adding a rule:
 * its file under `rules/` implementing `AlertRule`, and a line here.
 * @module
 */

import type { AlertRule } from "./types.ts";
import { highReturnRate } from "./rules/high_return_rate.ts";
import { volatileSales } from "./rules/volatile_sales.ts";
import { inventoryPeak } from "./rules/inventory_peak.ts";
import { intermittentDemand } from "./rules/intermittent_demand.ts";
import { risingReturnRateRule } from "./rules/rising_return_rate.ts";
import { untrustedForecast } from "./rules/untrusted_forecast.ts";
import { stockoutRisk } from "./rules/stockout_risk.ts";
import { dataQuality } from "./rules/data_quality.ts";
import { largeOrders } from "./rules/large_orders.ts";

/** The rules. */
export const ALERT_RULES: readonly AlertRule[] = [
  highReturnRate,
  volatileSales,
  inventoryPeak,
  intermittentDemand,
  risingReturnRateRule,
  untrustedForecast,
  stockoutRisk,
  largeOrders,
  dataQuality,
];
