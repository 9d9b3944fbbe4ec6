/**
 * What every product's policy may use on a decision day t — and nothing from t on: the models
 * `auto` would choose on the windows that had ended before t, the forecast made on t, and the
 * empirical distribution of the chosen models' own errors of (L + R)-day net-demand totals at
 * the origins whose L + R days had passed, pooled with the products of the same demand class
 * (`errors/pooling.ts`) by a credibility estimated on those same samples.
 * @module
 */

import { type ErrorDistribution, errorDistribution } from "../errors/empirical.ts";
import { type DemandClass, demandProfile } from "../errors/classify.ts";
import {
  estimateCredibility,
  ownWeight,
  pooledErrors,
  type PoolingInputs,
  poolOf,
  type PoolPoint,
  type ScaledSample,
} from "../errors/pooling.ts";
import { sampleScales, totalOfFirst } from "../errors/scale.ts";
import { protectionForecast } from "../policies/stock.ts";
import type { ProtectionForecast } from "../policies/types.ts";
import type { ProductErrors } from "./error_table.ts";

/** Products a class needs besides the product itself to pool within the class (else: all). */
export const MIN_CLASS_OTHERS = 3;
/** Up to this many products a pool leaves the product itself out exactly; above, one shared pool. */
export const EXACT_POOL_PRODUCTS = 32;
/** Credibility constant when it cannot be estimated (fewer than two products with samples). */
export const DEFAULT_CREDIBILITY = 20;

/** One product's inputs at a decision. */
export interface Decision {
  /** Models of the forecast used. */
  models: { sales: string; returns: string };
  /** The forecast of the protection period. */
  forecast: ProtectionForecast;
  /** The error distribution (own + pool). */
  errors: ErrorDistribution;
  /** Own error samples. */
  ownSamples: number;
  /** Weight of the pool (1 − Z). */
  poolWeight: number;
  /** The demand class of the product's history before the decision. */
  demandClass: DemandClass;
  /** What `errors` was pooled from, when the pool is shared by the product's whole group. */
  pooling?: PoolingInputs;
}

/** What a decision day gives each product: its models and the daily forecast from that day. */
export interface DecisionForecast {
  models: { sales: string; returns: string };
  sales: ArrayLike<number>;
  returns: ArrayLike<number>;
}

/** Settings of the decisions. */
export interface DecisionSettings {
  /** R (days); also the days between origins. */
  reviewPeriod: number;
  /** ρ. */
  restockRate: number;
  /** Whether a day is open (closed days do not count in the demand class). */
  isOpen?: (day: number) => boolean;
  /**
   * Units to add to each sample's errors (per product index and origin index), e.g. large
   * orders taken out of or put back into the demand.
   */
  adjust?: (product: number, origin: number) => { cycle: number; lead: number };
}

interface Here {
  index: number;
  samples: ScaledSample[];
  demandClass: DemandClass;
  scaleNow: number;
  forecast: DecisionForecast;
}

/**
 * The decisions of day `day` for the products `forecastOf` gives a forecast (undefined: the
 * product does not decide that day).
 */
export function decide(
  tables: readonly ProductErrors[],
  day: number,
  forecastOf: (index: number) => DecisionForecast | undefined,
  settings: DecisionSettings,
): Map<number, Decision> {
  const here: Here[] = [];
  tables.forEach((table, index) => {
    const forecast = forecastOf(index);
    if (forecast) here.push(prepare(table, index, day, forecast, settings));
  });
  const byClass = new Map<DemandClass, Here[]>();
  for (const h of here) {
    const list = byClass.get(h.demandClass);
    if (list) list.push(h);
    else byClass.set(h.demandClass, [h]);
  }
  const groupOf = (h: Here) => {
    const same = byClass.get(h.demandClass)!;
    return same.length - 1 >= MIN_CLASS_OTHERS ? same : here;
  };
  const credibility = new Map<Here[], number>();
  const shared = new Map<Here[], PoolPoint[]>();
  const step = settings.reviewPeriod;
  const decisions = new Map<number, Decision>();
  for (const h of here) {
    const group = groupOf(h);
    if (!credibility.has(group)) {
      const days = tables[group[0].index].leadTime + step;
      credibility.set(
        group,
        estimateCredibility(group.map((g) => g.samples), Math.min(1, step / days)) ??
          DEFAULT_CREDIBILITY,
      );
    }
    let pool: PoolPoint[];
    const isShared = group.length > EXACT_POOL_PRODUCTS;
    if (!isShared) {
      pool = poolOf(group.filter((g) => g !== h).map((g) => g.samples));
    } else {
      if (!shared.has(group)) shared.set(group, poolOf(group.map((g) => g.samples)));
      pool = shared.get(group)!;
    }
    const table = tables[h.index];
    const days = table.leadTime + step;
    const windowsPerSample = Math.min(1, step / days);
    const k = credibility.get(group)!;
    const empty = h.samples.length === 0 && pool.length === 0;
    const options = { credibility: k, windowsPerSample };
    const errors: ErrorDistribution = empty
      ? errorDistribution([{ cycle: 0, lead: 0 }])
      : pooledErrors(h.samples, pool, h.scaleNow, options);
    const z = ownWeight(h.samples.length, pool.length, h.samples.length * windowsPerSample, k);
    decisions.set(h.index, {
      models: h.forecast.models,
      forecast: protectionForecast(h.forecast.sales, h.forecast.returns, {
        leadTime: table.leadTime,
        reviewPeriod: step,
        restockRate: settings.restockRate,
      }),
      errors,
      ownSamples: h.samples.length,
      poolWeight: empty ? 0 : 1 - z,
      demandClass: h.demandClass,
      ...(isShared && !empty
        ? { pooling: { own: h.samples, pool, scaleNow: h.scaleNow, options } }
        : {}),
    });
  }
  return decisions;
}

/** A product's own samples, class and scale on a decision day. */
function prepare(
  table: ProductErrors,
  index: number,
  day: number,
  forecast: DecisionForecast,
  settings: DecisionSettings,
): Here {
  const { product } = table;
  const decision = day - product.start;
  const days = table.leadTime + settings.reviewPeriod;
  const open = settings.isOpen
    ? Uint8Array.from({ length: decision }, (_, i) => (settings.isOpen!(product.start + i) ? 1 : 0))
    : undefined;
  const demandClass = demandProfile(product.sales, 0, decision, open).demandClass;
  const sales = table.errors.sales.get(forecast.models.sales);
  const returns = table.errors.returns.get(forecast.models.returns);
  const samples: ScaledSample[] = [];
  const scaleAt = sampleScales(product.sales, decision, days, demandClass);
  const rho = settings.restockRate;
  for (let j = 0; j < table.origins.length && sales && returns; j++) {
    const origin = table.origins[j];
    if (origin + days > day) break;
    let cycle = sales.cycle[j] - rho * returns.cycle[j];
    let lead = sales.lead[j] - rho * returns.lead[j];
    if (!Number.isFinite(cycle) || !Number.isFinite(lead)) continue;
    if (settings.adjust) {
      const extra = settings.adjust(index, j);
      cycle += extra.cycle;
      lead += extra.lead;
    }
    samples.push({ cycle, lead, scale: scaleAt(origin - product.start, sales.forecastCycle[j]) });
  }
  const scaleNow = scaleAt(decision, totalOfFirst(forecast.sales, days));
  return { index, samples, demandClass, scaleNow, forecast };
}
