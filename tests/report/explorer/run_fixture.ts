/**
 * A small planning run in process for the explorer's unit tests: seeded synthetic products,
 * baseline candidates, the planning backtest and 90 forecast days, as `report` runs them —
 * and its report context (what the explorer's page data is made from).
 */

import { generateSynthetic } from "../../../src/data/synthetic.ts";
import { detectCalendar } from "../../../src/data/calendar.ts";
import { runPlanning } from "../../../src/inventory/pipeline.ts";
import { ALERT_DEFAULTS, POLICY_DEFAULTS } from "../../../src/config/plan_options.ts";
import { FORECAST_DAYS } from "../../../src/config/run_config.ts";
import type { StockPosition } from "../../../src/inventory/plan.ts";
import type { OrderConstraint } from "../../../src/inventory/policies/constraints.ts";
import { reportContext } from "../../../src/report/context.ts";
import type { ReportContext } from "../../../src/report/context.ts";
import type { SeriesSet } from "../../../src/data/series.ts";

/** Baseline candidates: quick, and every product gets backtest windows. */
export const CANDIDATES = ["snaive7", "ma28", "ets", "lag", "zero"];

/** A run over `products` synthetic products (the first named as `ids` says, if given). */
export async function smallRun(
  products = 3,
  ids: string[] = [],
  extra: {
    positions?: Map<string, StockPosition>;
    constraints?: Map<string, OrderConstraint>;
  } = {},
): Promise<ReportContext> {
  const generated = generateSynthetic({ products, days: 400, start: 19358, seed: 42 });
  const set: SeriesSet = {
    ...generated,
    products: generated.products.map((p, i) => ({ ...p, id: ids[i] ?? p.id })),
  };
  const calendar = detectCalendar(set);
  const planning = await runPlanning(set, {
    horizon: 30,
    candidates: CANDIDATES,
    policy: "fill-rate",
    settings: POLICY_DEFAULTS,
    thresholds: ALERT_DEFAULTS,
    simulate: false,
    ...extra,
    seed: 42,
    calendar,
    forecastDays: FORECAST_DAYS,
  });
  return reportContext({
    set,
    planning,
    calendar,
    dataFingerprint: "",
    options: {
      title: "test",
      runDate: "2025-01-01",
      dataLabel: "synthetic",
      horizon: 30,
      policy: "fill-rate",
      settings: POLICY_DEFAULTS,
      thresholds: ALERT_DEFAULTS,
      candidates: CANDIDATES,
      seed: 42,
      detailLimit: 50,
    },
  });
}
