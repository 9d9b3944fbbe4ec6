/**
 * The units of forecasting work, runnable in this thread or in a worker: backtest one model on
 * one series (or, for the global LSTM, on all series of a target), and forecast one series (or
 * all, globally) — reusing saved LSTMs while their training data and settings are unchanged.
 * @module
 */

import type {
  FitOptions,
  FittedModel,
  Forecast,
  ForecastModel,
  SeriesContext,
  Target,
  TrainingProgress,
} from "./types.ts";
import { modelNamed } from "./registry.ts";
import type { BacktestPlan } from "./backtest/plan.ts";
import { backtestSeries, type SeriesBacktest } from "./backtest/series.ts";
import { assertLongEnough, forecastWithIntervals } from "./forecast.ts";
import { lstmModelsFor, type StoreOptions } from "./store/obtain.ts";
import { BatchedPredictions } from "./lstm/batched.ts";
import { backtestGlobal } from "./backtest/global.ts";
import type { Metrics } from "./metrics.ts";
import { formatIsoDay } from "../data/dates.ts";
import { recordBacktest } from "./store/lstm_store.ts";
import { rememberingForecasts } from "./models/remembered.ts";
import {
  deseasonalised,
  expandProfiles,
  fitWithYearlyProfile,
  withYearlyProfile,
} from "./yearly/apply.ts";

export type { StoreOptions };

/** Backtest models on one series (they share the cleaned histories at the cutoffs). */
export interface BacktestJob {
  kind: "backtest";
  models: string[];
  series: SeriesContext;
  plan: BacktestPlan;
  seed: number;
  /** Sales forecast per window (returns models). */
  futureSales?: (Float64Array | undefined)[];
  /** Pooled return lag shape per window (returns models). */
  returnLagShapes?: (Float64Array | undefined)[];
  /** The product's yearly profile per window, as coefficients (sales; see `yearly/apply.ts`). */
  yearlyCoefficients?: (Float64Array | undefined)[];
  /** Where LSTM fits at the cutoffs are kept, so a re-run with the same data reuses them. */
  store?: StoreOptions;
}

/** Backtest the global LSTM on all series of one target. */
export interface GlobalBacktestJob {
  kind: "backtest-global";
  model: string;
  series: SeriesContext[];
  plan: BacktestPlan;
  seed: number;
  /** Per series: sales forecast per window. */
  futureSales?: (Float64Array | undefined)[][];
  /** Per series: the yearly profile per window, as coefficients (sales). */
  yearlyCoefficients?: (Float64Array | undefined)[][];
  /** Where the networks are saved and reused. */
  store?: StoreOptions;
  /** Only train (or load) and save the networks; score nothing (a later job will). */
  trainOnly?: boolean;
  /**
   * The products to score (a shard's own); the networks still train on every series, so they
   * are the networks of the whole run. @default all
   */
  scored?: string[];
}

/** Forecast one series (saved LSTMs reused when `store` allows). */
export interface ForecastJob {
  kind: "forecast";
  model: string;
  history: SeriesContext;
  horizon: number;
  seed: number;
  futureSales?: Float64Array;
  store?: StoreOptions;
  /** Most LSTM epochs (overrides the design's). */
  epochs?: number;
  /** The model's backtest metrics on this series, recorded in a saved LSTM's metadata. */
  backtest?: Metrics;
}

/** Forecast all series of one target with the global LSTM. */
export interface GlobalForecastJob {
  kind: "forecast-global";
  model: string;
  histories: SeriesContext[];
  horizon: number;
  seed: number;
  /** Per series: the sales forecast (returns; none for a series not forecast). */
  futureSales?: (Float64Array | undefined)[];
  store?: StoreOptions;
  epochs?: number;
  /** Only train (or load) and save the model; forecast nothing (a later stage will). */
  trainOnly?: boolean;
  /** The products to forecast (a shard's own); the network trains on every history. @default all */
  scored?: string[];
}

/** A job, as sent to a worker. */
export type Job = BacktestJob | GlobalBacktestJob | ForecastJob | GlobalForecastJob;

/** What a forecast job returns. */
export interface ForecastOutcome {
  /** Product id. */
  productId: string;
  /** Sales or returns. */
  target: Target;
  /** Model used. */
  model: string;
  /** The forecast. */
  forecast: Forecast;
  /** `fitted` (a baseline), `trained` (an LSTM trained now) or `loaded` (a saved LSTM reused). */
  source: "fitted" | "trained" | "loaded";
  /** LSTM training summary (epochs, best validation loss, seconds), when there is one. */
  training?: { epochs: number; bestEpoch: number; bestValLoss: number; seconds: number };
}

/** The result type of each job kind. */
export type JobResult<J extends Job> = J extends BacktestJob | GlobalBacktestJob ? SeriesBacktest[]
  : J extends ForecastJob ? ForecastOutcome
  : ForecastOutcome[];

/**
 * Runs one job here; `onProgress` hears training epochs. With `onPart`, a global backtest hands
 * its series over chunk by chunk as they are scored and returns only what is left (nothing): at
 * 10,000 products its windows, held and then posted at once, took over a gigabyte at the end.
 */
export async function runJob(
  job: Job,
  onProgress?: (progress: TrainingProgress) => void,
  onPart?: (part: SeriesBacktest[]) => void,
): Promise<SeriesBacktest | SeriesBacktest[] | ForecastOutcome | ForecastOutcome[]> {
  if (job.kind === "backtest") {
    const histories = new Map<number, SeriesContext>();
    // Light fits by model and cutoff (a cutoff is its history's length): a combination's members
    // are candidates of the same job, fitted on the same history, so each is fitted once.
    // A member also keeps its forecasts by origin: the combination asks for the same ones.
    const lightFits = new Map<string, Promise<FittedModel>>();
    const members = new Set(
      job.models.flatMap((name) => modelNamed(name).members?.map((m) => m.name) ?? []),
    );
    const fitLight = (m: ForecastModel, history: SeriesContext, options: FitOptions) => {
      const key = `${m.name}@${history.values.length}`;
      let fitted = lightFits.get(key);
      if (!fitted) {
        fitted = Promise.resolve(m.fit(history, options));
        if (members.has(m.name)) fitted = fitted.then(rememberingForecasts);
        lightFits.set(key, fitted);
      }
      return fitted;
    };
    const yearlyProfiles = expandProfiles(job.yearlyCoefficients);
    const results: SeriesBacktest[] = [];
    for (const name of job.models) {
      results.push(
        await backtestSeries(modelNamed(name), job.series, job.plan, {
          seed: job.seed,
          futureSales: job.futureSales,
          returnLagShapes: job.returnLagShapes,
          yearlyProfiles,
          histories,
          fit: async (m, history, seed, horizon) => {
            if (m.cost === "light") {
              const options: FitOptions = { horizon, seed, onProgress };
              return await fitLight(m, history, {
                ...options,
                fitMember: (member, plain) => fitLight(member, plain, options),
              });
            }
            if (!m.network || !job.store) {
              return await m.fit(history, { horizon, seed, onProgress });
            }
            const cutoff = formatIsoDay(history.start + history.values.length - 1);
            const obtained = await lstmModelsFor(m, [history], {
              seed,
              store: job.store,
              horizon,
              onProgress,
              variant: cutoff,
            });
            return obtained.models[0];
          },
        }),
      );
    }
    return results;
  }
  const model = modelNamed(job.model);
  switch (job.kind) {
    case "backtest-global":
      return await backtestGlobal(model, job.series, job.plan, {
        seed: job.seed,
        futureSales: job.futureSales,
        yearlyCoefficients: job.yearlyCoefficients,
        onProgress,
        ...(job.store ? { store: job.store } : {}),
        ...(job.trainOnly ? { trainOnly: true } : {}),
        ...(job.scored ? { scored: new Set(job.scored) } : {}),
        ...(onPart ? { onChunk: onPart } : {}),
      });
    case "forecast":
      return (await forecastWith(model, [job.history], [job.futureSales], job, onProgress))[0];
    case "forecast-global":
      return await forecastWith(model, job.histories, job.futureSales ?? [], job, onProgress);
  }
}

async function forecastWith(
  model: ForecastModel,
  histories: SeriesContext[],
  futureSales: (Float64Array | undefined)[],
  job: ForecastJob | GlobalForecastJob,
  onProgress?: (progress: TrainingProgress) => void,
): Promise<ForecastOutcome[]> {
  const name = model.name;
  for (const history of histories) assertLongEnough(model, history);
  const contexts = histories.map((
    h,
    i,
  ) => (futureSales[i] ? { ...h, futureSales: futureSales[i] } : h));
  const result = (forecast: Forecast, i: number, source: ForecastOutcome["source"]) => ({
    productId: histories[i].productId,
    target: histories[i].target,
    model: name,
    forecast,
    source,
  });
  // A shard's global job trains on every history and forecasts its own products.
  const scored = job.kind === "forecast-global" && job.scored ? new Set(job.scored) : undefined;
  const wanted = histories.flatMap((h, i) => !scored || scored.has(h.productId) ? [i] : []);
  if (!model.network || !job.store) {
    return await Promise.all(wanted.map(async (i) => {
      const history = histories[i];
      // With a yearly profile the model fits on the deseasonalised history (`yearly/apply.ts`).
      const fitted = await fitWithYearlyProfile(
        history,
        (plain) => model.fit(plain, { horizon: job.horizon, seed: job.seed, onProgress }),
      );
      try {
        return result(forecastWithIntervals(fitted, model, contexts[i], job.horizon), i, "fitted");
      } finally {
        fitted.dispose?.();
      }
    }));
  }
  const obtained = await lstmModelsFor(model, histories.map(deseasonalised), {
    seed: job.seed,
    store: job.store,
    epochs: job.epochs,
    horizon: job.horizon,
    onProgress,
  });
  if (job.kind === "forecast" && job.backtest) await recordBacktest(obtained.dir, job.backtest);
  if (job.kind === "forecast-global" && job.trainOnly) {
    obtained.dispose();
    return [];
  }
  // Forecast in batches (record, compute, replay): models that share a network (the global
  // mode) go through it together, a per-product model gets its calibration and forecast at once.
  const batch = new BatchedPredictions();
  const forecasts = () =>
    wanted.map((i) =>
      forecastWithIntervals(
        withYearlyProfile(batch.view(obtained.models[i])),
        model,
        contexts[i],
        job.horizon,
      )
    );
  try {
    forecasts();
    batch.compute();
    return forecasts().map((forecast, k) => {
      const i = wanted[k];
      const { epochs, bestEpoch, bestValLoss, seconds } = obtained.models[i].state.training;
      return {
        ...result(forecast, i, obtained.source),
        training: { epochs, bestEpoch, bestValLoss, seconds },
      };
    });
  } finally {
    obtained.dispose();
  }
}
