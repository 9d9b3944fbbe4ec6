/**
 * The explorer's page data from a run (server side): the run's settings, the error pools many
 * products share (stored once) and, per product in the summary table's order, its record —
 * history and forecast as published, and the policy inputs the adapter takes from the run —
 * raw-deflated with fflate (level 9, pure JS, so the bytes do not depend on the platform's zlib)
 * and base64-encoded.
 * @module
 */

import { deflateSync } from "fflate";
import { resultOf } from "../../forecast/dataset/results.ts";
import { FORECAST_DAYS } from "../../config/run_config.ts";
import type { ReportContext } from "../context.ts";
import { toBase64 } from "./bytes.ts";
import { encodePools, policyInputsOf, policyRunOf } from "./policy_inputs.ts";
import type { PoolPoint } from "../../inventory/errors/pooling.ts";
import { encodeRecord, type ExplorerRecord, toRecord } from "./record.ts";
import { type ExplorerPayload, PAYLOAD_SCHEMA } from "./payload.ts";

/**
 * The record of one product of the run; with `poolIndex`, a distribution resting on a shared
 * pool is kept by reference to it (`policy_inputs.ts`).
 */
export function productRecord(
  ctx: ReportContext,
  productId: string,
  poolIndex?: (pool: readonly PoolPoint[]) => number,
): ExplorerRecord {
  const product = ctx.set.products[ctx.indexOf(productId)];
  const sales = resultOf(ctx.forecast, productId, "sales");
  const returns = resultOf(ctx.forecast, productId, "returns");
  return toRecord({
    history: { sales: product.sales, returns: product.returns, start: product.start },
    firstDay: sales.firstDay,
    sales: sales.forecast,
    returns: returns.forecast,
    policy: policyInputsOf(
      ctx.plans.get(productId),
      policyRunOf(ctx.options.settings),
      poolIndex,
    ),
  }, FORECAST_DAYS);
}

/** A record as the page holds it. */
export function packRecord(record: ExplorerRecord): string {
  return toBase64(deflateSync(encodeRecord(record), { level: 9 }));
}

/** The page data of a run. */
export function explorerPayload(ctx: ReportContext): ExplorerPayload {
  const ids = ctx.figures.products.map((p) => p.productId);
  let forecastDays = FORECAST_DAYS;
  const pools = new Map<readonly PoolPoint[], number>();
  const poolIndex = (pool: readonly PoolPoint[]) => {
    if (!pools.has(pool)) pools.set(pool, pools.size);
    return pools.get(pool)!;
  };
  const products = ids.map((id) => {
    const record = productRecord(ctx, id, poolIndex);
    forecastDays = Math.min(forecastDays, record.sales.mean.length, record.returns.mean.length);
    return packRecord(record);
  });
  const { options } = ctx;
  return {
    schema: PAYLOAD_SCHEMA,
    run: {
      horizon: Math.min(options.horizon, forecastDays),
      forecastDays,
      policy: options.policy,
      settings: options.settings,
      costs: options.settings.costs,
      policyRun: policyRunOf(options.settings),
      pools: toBase64(deflateSync(encodePools([...pools.keys()]), { level: 9 })),
    },
    ids,
    products,
  };
}
