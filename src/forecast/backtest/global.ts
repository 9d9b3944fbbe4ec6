/**
 * The backtest of a model trained across products (the global LSTM): at each refit cutoff one
 * network is trained on every product's history up to the cutoff, then each product is scored
 * with its own view of that network, exactly like a per-product model.
 * @module
 */

import type { FittedModel, ForecastModel, SeriesContext, TrainingProgress } from "../types.ts";
import { historyUpTo } from "../context.ts";
import type { BacktestPlan } from "./plan.ts";
import { backtestSeries, type SeriesBacktest } from "./series.ts";
import { type TrainedLstm, trainSharedLstm } from "../lstm/model.ts";
import { BatchedPredictions } from "../lstm/batched.ts";
import { deseasonalised } from "../yearly/apply.ts";

/** Backtests `model` trained across all `series` (one target). */
export async function backtestGlobal(
  model: ForecastModel,
  series: readonly SeriesContext[],
  plan: BacktestPlan,
  options: {
    seed: number;
    futureSales?: (Float64Array | undefined)[][];
    /** Per series: the yearly profile per window (sales; the network trains deseasonalised). */
    yearlyProfiles?: (Float64Array | undefined)[][];
    onProgress?: (p: TrainingProgress) => void;
  },
): Promise<SeriesBacktest[]> {
  const config = model.network;
  if (!config) throw new RangeError(`Cannot backtest ${model.name} globally: it is not a network`);
  const trainedAt = new Map<number, Map<string, TrainedLstm>>();
  const fitAt = async (cutoff: number): Promise<Map<string, TrainedLstm>> => {
    const cached = trainedAt.get(cutoff);
    if (cached) return cached;
    const k = plan.cutoffs.indexOf(cutoff);
    const histories = series
      .map((s, i) => {
        const history = historyUpTo(s, cutoff - s.start + 1);
        const yearly = options.yearlyProfiles?.[i]?.[k];
        return yearly ? deseasonalised({ ...history, yearly }) : history;
      })
      .filter((h) => h.values.length >= model.minHistory);
    const models = await trainSharedLstm(config, histories, {
      horizon: plan.horizon,
      seed: options.seed,
      onProgress: options.onProgress,
    });
    const byId = new Map(histories.map((h, i) => [h.productId, models[i]]));
    trainedAt.set(cutoff, byId);
    return byId;
  };
  // Every product's windows and calibration forecasts go through the network together: a first
  // pass records what each product asks for, one batched pass computes it, a second replays it.
  const batch = new BatchedPredictions();
  // The cleaned training spans of each series, made once and shared by both passes.
  const spans = series.map(() => new Map<number, SeriesContext>());
  const pass = async (): Promise<SeriesBacktest[]> => {
    const results: SeriesBacktest[] = [];
    for (const [i, one] of series.entries()) {
      results.push(
        await backtestSeries(model, one, plan, {
          seed: options.seed,
          futureSales: options.futureSales?.[i],
          yearlyProfiles: options.yearlyProfiles?.[i],
          histories: spans[i],
          fit: async (_, history): Promise<FittedModel> =>
            batch.view(
              (await fitAt(history.start + history.values.length - 1)).get(history.productId)!,
            ),
        }),
      );
    }
    return results;
  };
  try {
    await pass();
    batch.compute();
    return await pass();
  } finally {
    for (const byId of trainedAt.values()) [...byId.values()][0]?.network.dispose();
  }
}
