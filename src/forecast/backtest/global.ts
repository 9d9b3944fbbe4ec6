/**
 * The backtest of a model trained across products (the global LSTM): at each refit cutoff one
 * network is trained on every product's history up to the cutoff, then each product is scored
 * with its own view of that network, exactly like a per-product model (a shard's job trains on
 * every product and scores its own). With a store the networks are saved (`<model>@<cutoff>`)
 * and reused while data and settings are unchanged; a train-only run saves them and scores
 * nothing, so a returns network can train while the sales backtest runs and the returns backtest
 * loads it.
 * @module
 */

import type { FittedModel, ForecastModel, SeriesContext, TrainingProgress } from "../types.ts";
import { historyUpTo } from "../context.ts";
import type { BacktestPlan } from "./plan.ts";
import { backtestSeries, type SeriesBacktest } from "./series.ts";
import { type TrainedLstm, trainSharedLstm } from "../lstm/model.ts";
import { lstmModelsFor, type StoreOptions } from "../store/obtain.ts";
import { formatIsoDay } from "../../data/dates.ts";
import { BatchedPredictions } from "../lstm/batched.ts";
import { deseasonalised, expandProfiles } from "../yearly/apply.ts";
import { profileFromCoefficients } from "../yearly/profile.ts";

/** Products whose windows go through the network in one batched pass. */
export const GLOBAL_CHUNK = 100;

/** Backtests `model` trained across all `series` (one target). */
export async function backtestGlobal(
  model: ForecastModel,
  series: readonly SeriesContext[],
  plan: BacktestPlan,
  options: {
    seed: number;
    futureSales?: (Float64Array | undefined)[][];
    /**
     * Per series: the yearly profile per window as coefficients (sales; the network trains
     * deseasonalised), each expanded when used.
     */
    yearlyCoefficients?: (Float64Array | undefined)[][];
    onProgress?: (p: TrainingProgress) => void;
    /** Where the networks are saved and reused. */
    store?: StoreOptions;
    /** Train (or load) and save the networks only; score nothing (needs `store`). */
    trainOnly?: boolean;
    /** The products to score (a shard's own); the networks train on every series. @default all */
    scored?: ReadonlySet<string>;
    /** Products per batched pass (bounds the memory). @default {@link GLOBAL_CHUNK} */
    chunk?: number;
    /**
     * Hears each chunk's backtests as soon as they are scored, which are then not returned:
     * a worker posts them on instead of holding every product's windows until the end.
     */
    onChunk?: (done: SeriesBacktest[]) => void;
  },
): Promise<SeriesBacktest[]> {
  const config = model.network;
  if (!config) throw new RangeError(`Cannot backtest ${model.name} globally: it is not a network`);
  const trainedAt = new Map<number, Map<string, TrainedLstm>>();
  const disposers: (() => void)[] = [];
  const fitAt = async (cutoff: number): Promise<Map<string, TrainedLstm>> => {
    const cached = trainedAt.get(cutoff);
    if (cached) return cached;
    const k = plan.cutoffs.indexOf(cutoff);
    const histories = series
      .map((s, i) => {
        const history = historyUpTo(s, cutoff - s.start + 1);
        const beta = options.yearlyCoefficients?.[i]?.[k];
        return beta
          ? deseasonalised({ ...history, yearly: profileFromCoefficients(beta) })
          : history;
      })
      .filter((h) => h.values.length >= model.minHistory);
    let models: TrainedLstm[];
    if (options.store) {
      const obtained = await lstmModelsFor(model, histories, {
        seed: options.seed,
        store: options.store,
        horizon: plan.horizon,
        onProgress: options.onProgress,
        variant: formatIsoDay(cutoff),
        // A young product's first window can ask for a network at a later cutoff: the run's
        // networks at its other cutoffs stay.
        keepVariants: plan.cutoffs.map(formatIsoDay),
      });
      models = obtained.models;
      disposers.push(obtained.dispose);
    } else {
      models = await trainSharedLstm(config, histories, {
        horizon: plan.horizon,
        seed: options.seed,
        onProgress: options.onProgress,
      });
      disposers.push(() => models[0]?.network.dispose());
    }
    const byId = new Map(histories.map((h, i) => [h.productId, models[i]]));
    trainedAt.set(cutoff, byId);
    return byId;
  };
  // Each chunk of products' windows and calibration forecasts go through the network together:
  // a first pass records what each product asks for, one batched pass computes it, a second
  // replays it. Chunks bound the memory: a product's cleaned training spans and recorded
  // requests live only while its chunk runs, not for every product at once.
  const scored = series.flatMap((one, i) =>
    options.scored && !options.scored.has(one.productId) ? [] : [i]
  );
  const chunk = Math.max(1, options.chunk ?? GLOBAL_CHUNK);
  const results: SeriesBacktest[] = [];
  try {
    for (let from = 0; from < scored.length; from += chunk) {
      const indices = scored.slice(from, from + chunk);
      const batch = new BatchedPredictions();
      // The cleaned training spans of each series, made once and shared by both passes.
      const spans = indices.map(() => new Map<number, SeriesContext>());
      const pass = async (): Promise<SeriesBacktest[]> => {
        const done: SeriesBacktest[] = [];
        for (const [k, i] of indices.entries()) {
          done.push(
            await backtestSeries(model, series[i], plan, {
              seed: options.seed,
              futureSales: options.futureSales?.[i],
              yearlyProfiles: expandProfiles(options.yearlyCoefficients?.[i]),
              histories: spans[k],
              fit: async (_, history): Promise<FittedModel> =>
                batch.view(
                  (await fitAt(history.start + history.values.length - 1)).get(history.productId)!,
                ),
            }),
          );
        }
        return done;
      };
      // The first pass asks for every network the windows need (training or loading each).
      await pass();
      if (options.trainOnly) continue;
      batch.compute();
      const done = await pass();
      if (options.onChunk) options.onChunk(done);
      else results.push(...done);
    }
    return results;
  } finally {
    for (const dispose of disposers) dispose();
  }
}
