/**
 * Plans a run read back from its files again (`merge`, `report --from`): the stock positions and
 * order constraints come back from plan.csv, the order lines from beside the data (`readRun`), and the plans,
 * large-order effects, alerts and simulation are recomputed from the forecasts and the planning
 * backtest — as the run itself made them, with each product's error distribution (which plan.csv
 * does not hold) for the report's explorer.
 * @module
 */

import type { Calendar } from "../data/calendar.ts";
import type { SeriesSet } from "../data/series.ts";
import type { RunInput } from "../outputs/run_input.ts";
import { layoutOf, planFromForecast, shelfDemand } from "../inventory/pipeline.ts";
import type { StockPosition } from "../inventory/plan.ts";
import type { OrderConstraint } from "../inventory/policies/constraints.ts";
import type { OrderLine } from "../inventory/large_orders/lines.ts";

/** The run with its planning recomputed from its forecasts. */
export function replanRun(
  input: RunInput,
  scope: {
    all: SeriesSet;
    calendar: Calendar;
    simulate: boolean;
    orderLines?: Map<string, OrderLine[]>;
  },
): RunInput {
  const { planning, options } = input;
  const positions = new Map<string, StockPosition>();
  const constraints = new Map<string, OrderConstraint>();
  for (const plan of planning.plans.values()) {
    if (plan.order) positions.set(plan.productId, plan.order);
    if (plan.constraint) {
      constraints.set(plan.productId, { ...plan.constraint, leadTime: plan.leadTime });
    }
  }
  const { orderLines } = scope;
  const shelf = shelfDemand(input.set, scope.all, {
    orderLines,
    largeOrderUnits: options.largeOrderUnits,
  });
  const plan = planning.forecast.backtest!.plan;
  const megaOrders = new Map<string, number>();
  for (const entry of input.importMeta?.megaOrders ?? []) {
    megaOrders.set(entry.product, (megaOrders.get(entry.product) ?? 0) + 1);
  }
  const replanned = planFromForecast(
    shelf.set,
    planning.forecast,
    layoutOf(
      shelf.poolSet,
      options.settings,
      undefined,
      plan.horizon - options.settings.reviewPeriod,
    ),
    {
      ...options,
      positions: positions.size > 0 ? positions : undefined,
      constraints: constraints.size > 0 ? constraints : undefined,
      orderLines,
      simulate: scope.simulate,
      droppedMegaOrders: megaOrders,
      calendar: scope.calendar,
      largeOrders: shelf.large,
    },
  );
  return { ...input, planning: replanned };
}
