/**
 * `plan --simulate` and the report: every policy replayed over the held-out span of the layout —
 * one continuous replay per product, lost sales, orders every R days arriving after L, re-planned
 * at each review from the forecast made that day (`reviews.ts`). No policy picks among the others
 * and nothing is tuned on the replayed days; the one hindsight figure is `multiplier-matched`, the
 * multiplier at the factor that reaches the fill-rate policy's achieved fill rate — a labelled
 * benchmark (it is fitted on the days it is judged on). The trade-off curves sweep the fill-rate
 * target and the multiplier's factor.
 * @module
 */

import { formatIsoDay } from "../../data/dates.ts";
import type { PolicySettings } from "../policies/types.ts";
import type { OrderConstraint } from "../policies/constraints.ts";
import { fillRatePolicy } from "../policies/fill_rate.ts";
import { cycleServicePolicy } from "../policies/cycle_service.ts";
import { costPolicy } from "../policies/cost.ts";
import { MAX_FACTOR, MIN_FACTOR, multiplierPolicy } from "../policies/multiplier.ts";
import type { ReplaySpan } from "../planning/layout.ts";
import type { DecisionSettings } from "../planning/decisions.ts";
import type { ProductErrors } from "../planning/error_table.ts";
import { replayWindows } from "./reviews.ts";
import { type PolicyRun, replayInputs, runLockstep, runMultiplier } from "./run_policies.ts";
import { figuresOf, type PolicyFigures } from "./figures.ts";
import type { ReplayTally } from "./replay.ts";
import { DIGITS, roundTo } from "../../util/round.ts";

/** Fill-rate targets of the trade-off curve. */
export const FILL_RATE_CURVE = [0.8, 0.85, 0.9, 0.925, 0.95, 0.97, 0.98, 0.99, 0.995];
/** The multiplier curve: factors from `from`, × `step` each, until it reaches the fill-rate curve. */
export const MULTIPLIER_CURVE = { from: 0.5, step: 1.1 };
/** The benchmark's name in simulation.json. */
export const MATCHED = "multiplier-matched";

/** One point of a trade-off curve. */
export interface TradeoffPoint {
  /** The fill-rate target, or the multiplier's factor. */
  target?: number;
  factor?: number;
  fill_rate: number;
  avg_stock: number;
  total_cost: number;
  /** For fill-rate points: the multiplier factor reaching the same fill rate, and its stock. */
  matched_factor?: number;
  matched_avg_stock?: number;
  matched_fill_rate?: number;
}

/** What `simulation.json` holds. */
export interface SimulationResult {
  /** The settings and the span replayed. */
  parameters: Record<string, unknown>;
  /** Per policy (and the benchmark), over all products. */
  policies: Record<string, PolicyFigures>;
  /** Per product, per policy. */
  products: Record<string, Record<string, PolicyFigures>>;
  /** Achieved fill rate against average stock as the target or factor moves. */
  tradeoff: { "fill-rate": TradeoffPoint[]; multiplier: TradeoffPoint[] };
}

/** The inputs of a simulation. */
export interface SimulationInputs {
  tables: readonly ProductErrors[];
  span: ReplaySpan;
  settings: PolicySettings;
  decisions: DecisionSettings;
  constraints?: ReadonlyMap<string, OrderConstraint>;
  /** Per product: units per day of the large orders served from outside stock. */
  largeOrders?: ReadonlyMap<string, Float64Array>;
  /** The order size above which orders are served from outside stock, when set. */
  largeOrderUnits?: number;
  /** Keep every order in the tallies (tests). */
  recordOrders?: boolean;
}

/** The tallies behind the result, for tests (orders included with `recordOrders`). */
export interface SimulationTallies {
  byPolicy: Record<string, (ReplayTally | undefined)[]>;
}

/** Replays every policy. */
export function simulatePolicies(
  inputs: SimulationInputs,
): { result: SimulationResult; tallies: SimulationTallies } {
  const { tables, span, settings } = inputs;
  const windows = replayWindows(tables, span, settings.reviewPeriod);
  const replays = replayInputs(tables, windows, settings, inputs);
  const targets = [...new Set([...FILL_RATE_CURVE, settings.fillRate])].sort((a, b) => a - b);
  const runs: PolicyRun[] = [
    ...targets.map((target) => ({
      name: `fill-rate ${target}`,
      policy: fillRatePolicy,
      tuned: target,
    })),
    { name: cycleServicePolicy.id, policy: cycleServicePolicy },
    { name: costPolicy.id, policy: costPolicy },
  ];
  const lockstep = runLockstep(tables, replays, span, settings, inputs.decisions, runs);
  const byRun = new Map(runs.map((run, r) => [run.name, lockstep.tallies[r]]));
  const multiplier = (factor: number) => runMultiplier(replays, lockstep.forecasts, factor);
  const fill = (tallies: (ReplayTally | undefined)[]) => figuresOf(tallies).fill_rate;
  const match = (goal: number) => {
    let low = Math.log(MIN_FACTOR);
    let high = Math.log(MAX_FACTOR);
    if (fill(multiplier(MIN_FACTOR)) >= goal) return MIN_FACTOR;
    // Up, not to nearest: the matched rule must reach the goal, not fall just short of it.
    const scale = 10 ** DIGITS.factor;
    const rounded = (x: number) => Math.ceil(Math.exp(x) * scale - 1e-9) / scale;
    // Halved 30 times at most; it stops once both ends round alike (the 30th halving's end lies
    // between them, so it would round the same), each halving replaying every product.
    for (let i = 0; i < 30 && rounded(low) !== rounded(high); i++) {
      const middle = (low + high) / 2;
      if (fill(multiplier(Math.exp(middle))) < goal) low = middle;
      else high = middle;
    }
    return rounded(high);
  };
  const fillCurve = targets.map((target): TradeoffPoint => {
    const f = figuresOf(byRun.get(`fill-rate ${target}`)!);
    const factor = match(f.fill_rate);
    const m = figuresOf(multiplier(factor));
    return {
      target,
      fill_rate: f.fill_rate,
      avg_stock: f.avg_stock,
      total_cost: f.total_cost,
      matched_factor: factor,
      matched_avg_stock: m.avg_stock,
      matched_fill_rate: m.fill_rate,
    };
  });
  const highest = Math.max(...fillCurve.map((p) => p.fill_rate));
  const multiplierCurve: TradeoffPoint[] = [];
  for (let factor = MULTIPLIER_CURVE.from; factor <= MAX_FACTOR; factor *= MULTIPLIER_CURVE.step) {
    const f = figuresOf(multiplier(factor));
    multiplierCurve.push({
      factor: roundTo(factor, DIGITS.factor),
      fill_rate: f.fill_rate,
      avg_stock: f.avg_stock,
      total_cost: f.total_cost,
    });
    if (f.fill_rate >= highest) break;
  }
  const matchedFactor = fillCurve.find((p) => p.target === settings.fillRate)!.matched_factor!;
  const tallies: Record<string, (ReplayTally | undefined)[]> = {
    [fillRatePolicy.id]: byRun.get(`fill-rate ${settings.fillRate}`)!,
    [cycleServicePolicy.id]: byRun.get(cycleServicePolicy.id)!,
    [costPolicy.id]: byRun.get(costPolicy.id)!,
    [multiplierPolicy.id]: multiplier(settings.safetyFactor),
    [MATCHED]: multiplier(matchedFactor),
  };
  const extra: Record<string, Partial<PolicyFigures>> = {
    [fillRatePolicy.id]: { target: settings.fillRate },
    [cycleServicePolicy.id]: { target: settings.cycleService },
    [multiplierPolicy.id]: { factor: settings.safetyFactor },
    [MATCHED]: { factor: matchedFactor },
  };
  const policies: Record<string, PolicyFigures> = {};
  const products: Record<string, Record<string, PolicyFigures>> = {};
  for (const [name, list] of Object.entries(tallies)) {
    policies[name] = { ...figuresOf(list), ...extra[name] };
    list.forEach((tally, p) => {
      if (tally) (products[tables[p].product.id] ??= {})[name] = figuresOf([tally]);
    });
  }
  const ends = windows.flatMap((w) => (w ? [w.end] : []));
  const result: SimulationResult = {
    parameters: {
      lead_time: settings.leadTime,
      review_period: settings.reviewPeriod,
      restock_rate: settings.restockRate,
      fill_rate: settings.fillRate,
      cycle_service: settings.cycleService,
      safety_factor: settings.safetyFactor,
      holding_cost: settings.costs.holding,
      shortage_cost: settings.costs.shortage,
      warmup_start: formatIsoDay(span.warmupStart),
      measure_start: formatIsoDay(span.measureStart),
      measure_end: ends.length ? formatIsoDay(Math.max(...ends)) : null,
      weeks: span.weeks,
      products: ends.length,
      large_order_units: inputs.largeOrderUnits ?? null,
      order_constraints: inputs.constraints?.size ?? 0,
    },
    policies,
    products,
    tradeoff: { "fill-rate": fillCurve, multiplier: multiplierCurve },
  };
  return { result, tallies: { byPolicy: tallies } };
}
