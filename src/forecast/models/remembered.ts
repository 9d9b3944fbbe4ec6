/**
 * Forecasts kept by origin. In a backtest job a combination asks its members for the forecasts
 * their own backtests made a moment before — the same fitted member (`jobs.ts` fits each once per
 * history), from the same days — so a member's forecast from one origin is made once and the
 * combination reads a copy.
 * @module
 */

import type { FittedModel, SeriesContext } from "../types.ts";
import { identityOf } from "../../util/identity.ts";

/** Where a typed array's numbers are: its buffer, offset and length. */
function placeOf(array: ArrayBufferView | undefined): string {
  return array ? `${identityOf(array.buffer)}.${array.byteOffset}.${array.byteLength}` : "";
}

/**
 * What a forecast from `context` reads, within one backtest job (one product and target, so its
 * id, target and raw history are the same throughout): its first day and where its arrays are.
 */
function originKey(context: SeriesContext, horizon: number): string {
  return [
    horizon,
    context.start,
    placeOf(context.values),
    placeOf(context.sales),
    placeOf(context.futureSales),
    placeOf(context.returnLagShape),
    placeOf(context.yearly),
    placeOf(context.open),
  ].join(":");
}

/**
 * `fitted`, keeping each forecast it makes by origin: asked again from a context over the same
 * arrays, it returns a copy instead of forecasting again. For histories that are not changed in
 * place (a backtest's are not: each is a view of its product's series or of a deseasonalised
 * copy made once). For light models: a batched `predictMany` (networks) is not kept, so calibration
 * forecasts one origin at a time through the kept ones.
 */
export function rememberingForecasts(fitted: FittedModel): FittedModel {
  const kept = new Map<string, Float64Array>();
  return {
    model: fitted.model,
    ...(fitted.calibrationFrom !== undefined ? { calibrationFrom: fitted.calibrationFrom } : {}),
    predict(context: SeriesContext, horizon: number) {
      const key = originKey(context, horizon);
      let mean = kept.get(key);
      if (!mean) kept.set(key, mean = fitted.predict(context, horizon));
      return mean.slice();
    },
    ...(fitted.dispose ? { dispose: () => fitted.dispose!() } : {}),
  };
}
