/**
 * One product's policy inputs in the explorer — what the policies read besides the forecast
 * means (`levels.ts` computes the levels from them) — taken from the run's plan on the server,
 * and their bytes in the product's record.
 *
 * The error distribution is stored in one of two ways. A product whose pool is one array shared
 * by its whole demand class (classes of more than `EXACT_POOL_PRODUCTS` products, see
 * `inventory/planning/decisions.ts`) stores only what its distribution is computed from: its own
 * samples, exactly, and the index of the pool, which the page data holds once
 * ({@link encodePools}). The page computes the distribution with the very function `plan` used,
 * so the levels are `plan`'s to the last bit, and 10,000 products do not repeat the same few
 * hundred pooled points 10,000 times. Other products store their distribution itself.
 * @module
 */

import type { ErrorDistribution } from "../../inventory/errors/empirical.ts";
import {
  distributionOf,
  type PoolingInputs,
  type PoolPoint,
  type ScaledSample,
} from "../../inventory/errors/pooling.ts";
import type { ProductPlan } from "../../inventory/plan.ts";
import type { OrderConstraint } from "../../inventory/policies/constraints.ts";
import { DIGITS, roundTo } from "../../util/round.ts";
import { ByteReader, ByteWriter } from "./bytes.ts";
import type { PolicySettings } from "../../inventory/policies/types.ts";

/** What the policies read from the whole run: the settings its error distributions are for. */
export interface PolicyRun {
  /** L (of products without their own), R and ρ of the run. */
  leadTime: number;
  reviewPeriod: number;
  restockRate: number;
}

/** The run's part of the page data. */
export function policyRunOf(settings: PolicySettings): PolicyRun {
  const { leadTime, reviewPeriod, restockRate } = settings;
  return { leadTime, reviewPeriod, restockRate };
}

/** A product's pooled distribution by reference: its own samples and the shared pool's index. */
export interface PooledErrors {
  /** Index of the pool in the page data's pools. */
  pool: number;
  own: ScaledSample[];
  scaleNow: number;
  credibility: number;
  windowsPerSample: number;
}

/** One product's policy inputs, as the run planned it. */
export interface PolicyInputs {
  /** The error distribution (absent when the report was built from published plans). */
  errors?: ErrorDistribution;
  /** What `errors` is computed from, when it rests on a shared pool ({@link resolvePooled}). */
  pooled?: PooledErrors;
  /** The product's own lead time (order constraints), when it has one. */
  leadTime?: number;
  /** Case pack and minimum order, when it has them. */
  constraint?: OrderConstraint;
  /** Stock on hand + on order, when the run knew it (`--on-hand`). */
  position?: number;
}

/** Digits of the errors (units) and weights in a record: levels round-trip to plan.csv's. */
const ERROR_DIGITS = 6;
const WEIGHT_DIGITS = 12;

/**
 * A product's inputs, from its plan (`inventory/plan.ts`), as the record holds them. With
 * `poolIndex` (the page data's index of a shared pool), a distribution resting on a shared pool
 * is kept by reference; otherwise the distribution itself, rounded.
 */
export function policyInputsOf(
  plan: ProductPlan | undefined,
  run: PolicyRun,
  poolIndex?: (pool: readonly PoolPoint[]) => number,
): PolicyInputs {
  if (!plan) return {};
  const own = plan.constraint?.leadTime;
  const round = (values: Float64Array, digits: number) => values.map((v) => roundTo(v, digits));
  const e = plan.errors;
  const p = plan.pooling;
  return {
    ...(p && poolIndex
      ? {
        pooled: {
          pool: poolIndex(p.pool),
          own: p.own.map(({ cycle, lead, scale }) => ({ cycle, lead, scale })),
          scaleNow: p.scaleNow,
          credibility: p.options.credibility,
          windowsPerSample: p.options.windowsPerSample,
        },
      }
      : e
      ? {
        errors: {
          cycle: round(e.cycle, ERROR_DIGITS),
          lead: round(e.lead, ERROR_DIGITS),
          weight: round(e.weight, WEIGHT_DIGITS),
        },
      }
      : {}),
    ...(own !== undefined && own !== run.leadTime ? { leadTime: own } : {}),
    ...(plan.constraint ? { constraint: plan.constraint } : {}),
    ...(plan.order ? { position: plan.order.onHand + plan.order.onOrder } : {}),
  };
}

/** The inputs with `errors` computed from `pooled` and the page data's `pools` (as `plan`). */
export function resolvePooled(
  inputs: PolicyInputs,
  pools: readonly (readonly PoolPoint[])[],
): PolicyInputs {
  const p = inputs.pooled;
  if (!p) return inputs;
  const pool = pools[p.pool];
  if (!pool) throw new RangeError(`Cannot read explorer record: no pool ${p.pool}`);
  const pooling: PoolingInputs = {
    own: p.own,
    pool,
    scaleNow: p.scaleNow,
    options: { credibility: p.credibility, windowsPerSample: p.windowsPerSample },
  };
  return { ...inputs, errors: distributionOf(pooling) };
}

/** Writes a product's inputs into its record. */
export function writePolicyInputs(w: ByteWriter, inputs: PolicyInputs): void {
  const e = inputs.errors;
  const p = inputs.pooled;
  w.varint(p ? 2 : e ? 1 : 0);
  if (p) {
    w.varint(p.pool);
    w.floats(p.own.map((s) => s.cycle));
    w.floats(p.own.map((s) => s.lead));
    w.floats(p.own.map((s) => s.scale));
    w.floats([p.scaleNow, p.credibility, p.windowsPerSample]);
  } else if (e) {
    w.numbers(e.cycle, ERROR_DIGITS);
    w.numbers(e.lead, ERROR_DIGITS);
    w.numbers(e.weight, WEIGHT_DIGITS);
  }
  w.varint(inputs.leadTime === undefined ? 0 : inputs.leadTime + 1);
  w.numbers(inputs.constraint ? [inputs.constraint.casePack, inputs.constraint.minOrder] : [], 3);
  w.numbers(inputs.position === undefined ? [] : [inputs.position], DIGITS.units);
}

/** Reads what {@link writePolicyInputs} wrote. */
export function readPolicyInputs(r: ByteReader): PolicyInputs {
  let errors: ErrorDistribution | undefined;
  let pooled: PooledErrors | undefined;
  const kind = r.varint();
  if (kind === 1) {
    const [cycle, lead, weight] = [r.numbers(), r.numbers(), r.numbers()];
    errors = {
      cycle: Float64Array.from(cycle),
      lead: Float64Array.from(lead),
      weight: Float64Array.from(weight),
    };
  } else if (kind === 2) {
    const pool = r.varint();
    const [cycle, lead, scale, run] = [r.floats(), r.floats(), r.floats(), r.floats()];
    pooled = {
      pool,
      own: cycle.map((c, i) => ({ cycle: c, lead: lead[i], scale: scale[i] })),
      scaleNow: run[0],
      credibility: run[1],
      windowsPerSample: run[2],
    };
  }
  const lead = r.varint();
  const constraint = r.numbers();
  const position = r.numbers();
  return {
    ...(errors ? { errors } : {}),
    ...(pooled ? { pooled } : {}),
    ...(lead > 0 ? { leadTime: lead - 1 } : {}),
    ...(constraint.length
      ? { constraint: { casePack: constraint[0], minOrder: constraint[1] } }
      : {}),
    ...(position.length ? { position: position[0] } : {}),
  };
}

/** The pools of a run's page data, as bytes: each pool's cycle, lead and weight, exactly. */
export function encodePools(pools: readonly (readonly PoolPoint[])[]): Uint8Array {
  const w = new ByteWriter();
  w.varint(pools.length);
  for (const pool of pools) {
    w.floats(pool.map((p) => p.cycle));
    w.floats(pool.map((p) => p.lead));
    w.floats(pool.map((p) => p.weight));
  }
  return w.bytes();
}

/** Inverse of {@link encodePools}. */
export function decodePools(bytes: Uint8Array): PoolPoint[][] {
  const r = new ByteReader(bytes);
  const pools = Array.from({ length: r.varint() }, () => {
    const [cycle, lead, weight] = [r.floats(), r.floats(), r.floats()];
    return cycle.map((c, i) => ({ cycle: c, lead: lead[i], weight: weight[i] }));
  });
  if (!r.done) throw new SyntaxError("Cannot decode explorer pools: trailing bytes");
  return pools;
}
