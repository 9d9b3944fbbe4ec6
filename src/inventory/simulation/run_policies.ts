/**
 * Replays policies over the span, every product continuously: the policies that read the error
 * distributions step through the review days together (each product's replay is a generator
 * that waits at its reviews), so each day's decisions are made once for all of them; the
 * multiplier, which reads only the forecast, is replayed afterwards as often as sweeping and
 * matching its factor need.
 * @module
 */

import type {
  Policy,
  PolicySettings,
  ProtectionForecast,
  ReviewInputs,
} from "../policies/types.ts";
import type { OrderConstraint } from "../policies/constraints.ts";
import { multiplierLevels } from "../policies/multiplier.ts";
import type { ReplaySpan } from "../planning/layout.ts";
import type { Decision, DecisionSettings } from "../planning/decisions.ts";
import type { ProductErrors } from "../planning/error_table.ts";
import { forEachReview, type ReplayWindow } from "./reviews.ts";
import {
  type ReplayInput,
  replayProduct,
  replaySteps,
  type ReplayTally,
  type ReviewRequest,
} from "./replay.ts";

/** Days of sales before a product's first review whose units may still come back. */
export const RETURNABLE_DAYS = 90;

/** One replayed variant: a policy, and the value of its parameter when it is swept. */
export interface PolicyRun {
  /** Its name in the results. */
  name: string;
  policy: Policy;
  /** Target or factor, overriding the settings. */
  tuned?: number;
}

/** One product's replay input (its days from its first review to its end). */
export type ProductReplay = Omit<ReplayInput, "orderUpTo"> & { window: ReplayWindow };

/** The replay inputs of the products (undefined where a product does not replay). */
export function replayInputs(
  tables: readonly ProductErrors[],
  windows: readonly (ReplayWindow | undefined)[],
  settings: PolicySettings,
  options: {
    constraints?: ReadonlyMap<string, OrderConstraint>;
    largeOrders?: ReadonlyMap<string, Float64Array>;
    recordOrders?: boolean;
  } = {},
): (ProductReplay | undefined)[] {
  return tables.map((table, i) => {
    const window = windows[i];
    if (!window) return undefined;
    const { product } = table;
    const from = window.firstReview - product.start;
    const to = window.end - product.start + 1;
    let returnable = 0;
    for (let d = Math.max(0, from - RETURNABLE_DAYS); d < from; d++) returnable += product.sales[d];
    const constraint = options.constraints?.get(product.id);
    const large = options.largeOrders?.get(product.id);
    return {
      window,
      demand: product.sales.subarray(from, to),
      returns: product.returns.subarray(from, to),
      ...(large ? { largeOrders: large.subarray(from, to) } : {}),
      firstReview: 0,
      measureFrom: window.measureFrom - window.firstReview,
      leadTime: table.leadTime,
      reviewPeriod: settings.reviewPeriod,
      restockRate: settings.restockRate,
      holdingCost: settings.costs.holding,
      shortageCost: settings.costs.shortage,
      returnable,
      ...(constraint ? { constraint } : {}),
      ...(options.recordOrders ? { recordOrders: true } : {}),
    };
  });
}

/** What the lockstep replay gives: tallies per run and product, and each review's forecast. */
export interface LockstepResult {
  /** tallies[run][product] (undefined where the product does not replay). */
  tallies: (ReplayTally | undefined)[][];
  /** forecasts[product][k]: the protection forecast of the product's k-th review. */
  forecasts: ProtectionForecast[][];
}

/** Replays `runs` together over the review days of `span`. */
export function runLockstep(
  tables: readonly ProductErrors[],
  inputs: readonly (ProductReplay | undefined)[],
  span: ReplaySpan,
  settings: PolicySettings,
  decisionSettings: DecisionSettings,
  runs: readonly PolicyRun[],
): LockstepResult {
  type Step = Generator<ReviewRequest, ReplayTally, number>;
  const gens: (Step | undefined)[][] = runs.map(() =>
    inputs.map((input) => input && replaySteps(input))
  );
  const pending: (ReviewRequest | undefined)[][] = runs.map(() => inputs.map(() => undefined));
  const tallies: (ReplayTally | undefined)[][] = runs.map(() => inputs.map(() => undefined));
  const advance = (r: number, p: number, level: number | undefined) => {
    const step = level === undefined ? gens[r][p]!.next() : gens[r][p]!.next(level);
    if (step.done) {
      tallies[r][p] = step.value;
      pending[r][p] = undefined;
    } else pending[r][p] = step.value;
  };
  runs.forEach((_, r) => inputs.forEach((input, p) => input && advance(r, p, undefined)));
  const forecasts: ProtectionForecast[][] = inputs.map(() => []);
  const windows = inputs.map((input) => input?.window);
  const last: (Decision | undefined)[] = inputs.map(() => undefined);
  forEachReview(tables, windows, span, decisionSettings, (day, decisions) => {
    inputs.forEach((input, p) => {
      if (!input || day < input.window.firstReview) return;
      // A review without a window of its own (none is expected) keeps the last decision.
      const decision = decisions.get(p) ?? last[p];
      if (!decision) return;
      last[p] = decision;
      const local = day - input.window.firstReview;
      forecasts[p].push(decision.forecast);
      runs.forEach((run, r) => {
        const request = pending[r][p];
        if (!request || request.day !== local) return;
        const position = request.position
          ? request.position.onHand + request.position.onOrder
          : undefined;
        const review = {
          forecast: decision.forecast,
          errors: decision.errors,
          ...(position !== undefined ? { position } : {}),
          ...(input.constraint ? { constraint: input.constraint } : {}),
        };
        advance(r, p, orderUpToAt(run.policy, review, settings, run.tuned));
      });
    });
  });
  // Reviews after the last origin order nothing: their orders would arrive after the span.
  runs.forEach((_, r) =>
    inputs.forEach((_, p) => {
      while (pending[r][p]) advance(r, p, 0);
    })
  );
  return { tallies, forecasts };
}

/** A policy's order-up-to level at a review (its shortcut where it has one). */
function orderUpToAt(
  policy: Policy,
  review: ReviewInputs,
  settings: PolicySettings,
  tuned?: number,
): number {
  return policy.orderUpTo
    ? policy.orderUpTo(review, settings, tuned)
    : policy.levels(review, settings, tuned).orderUpTo;
}

/** Replays the multiplier at `factor` from the reviews' forecasts. */
export function runMultiplier(
  inputs: readonly (ProductReplay | undefined)[],
  forecasts: readonly ProtectionForecast[][],
  factor: number,
): (ReplayTally | undefined)[] {
  return inputs.map((input, p) =>
    input &&
    replayProduct({
      ...input,
      orderUpTo: (day) => {
        const f = forecasts[p][Math.round(day / input.reviewPeriod)];
        return f ? multiplierLevels(f, factor).orderUpTo : 0;
      },
    })
  );
}
