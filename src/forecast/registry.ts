/**
 * Every model by name. A name is an alias of a parameterised factory (`snaive7` is the seasonal
 * naive model with a 7-day season, `ma28` the moving average over 28 days): one line each, in
 * the order ties in model choice are broken (simplest first). What a model is — its cost, scope,
 * minimum history, whether it reads the sales forecast — it declares itself (`ModelCapabilities`).
 * Baselines are pure functions of arrays; the LSTMs train with tfjs (loaded only when one is
 * fitted).
 * @module
 */

import type { ForecastModel, Target } from "./types.ts";
import { naive } from "./models/naive.ts";
import { seasonalNaive } from "./models/snaive.ts";
import { MA28, MA28_YEAR_PROFILE, movingAverage } from "./models/moving_average.ts";
import { ets, WEEKLY_ETS } from "./models/ets.ts";
import { croston, tsb } from "./models/intermittent.ts";
import { distributedLag } from "./models/lag.ts";
import { zero } from "./models/zero.ts";
import { combination } from "./models/combination.ts";
import { STANDARD_THETA, theta } from "./models/theta.ts";
import { lstmModel } from "./lstm/contract.ts";
import { LSTM_DIRECT, LSTM_GLOBAL, LSTM_SEED } from "./lstm/config.ts";

/** No returns at all: the bar a returns model must clear. */
export const zeroModel = zero("zero");
/** Every future day equals the last observed day. */
export const naiveModel = naive("naive");
/** The weekly seasonal naive forecast: the benchmark every forecast must beat. */
export const seasonalNaiveModel = seasonalNaive("snaive7", { season: 7 });
/** The 28-day mean times the weekday profile of 8 weeks. */
export const movingAverageModel = movingAverage("ma28", MA28);
/** The 28-day mean times the weekday profile of a year. */
export const movingAverageYearModel = movingAverage("ma28y", MA28_YEAR_PROFILE);
/** Croston's method with the classic α = 0.1. */
export const crostonModel = croston("croston", { alpha: 0.1 });
/** Teunter–Syntetos–Babai with α = β = 0.1. */
export const tsbModel = tsb("tsb", { alpha: 0.1, beta: 0.1 });
/** The Theta method (SES with half the trend as drift) on the weekly-adjusted last year. */
export const thetaModel = theta("theta", STANDARD_THETA);
/** Holt–Winters with a weekly season, fitted on the last year. */
export const etsModel = ets("ets", WEEKLY_ETS);
/** The mean of `ets` and `ma28`. */
export const comboModel = combination("combo", [etsModel, movingAverageModel]);
/** The day-by-day median of `theta`, `ets`, `ma28y` and `tsb`. */
export const comboMedianModel = combination(
  "combo-median",
  [thetaModel, etsModel, movingAverageYearModel, tsbModel],
  "median",
);
/** Returns from past sales (a distributed lag). */
export const lagModel = distributedLag("lag");
/** Our LSTM: weekly patches, calendar inputs, direct 28-day output, log1p scaling. */
export const lstmDirectModel = lstmModel(LSTM_DIRECT, {
  description: "8 weeks in as weekly steps with calendar features, 28 days out at once, " +
    "log1p scaling; returns models also see the sales",
  atScale: LSTM_GLOBAL.name,
});
/** Our LSTM trained once across all products (one network per target, per-product scaling). */
export const lstmGlobalModel = lstmModel(LSTM_GLOBAL, {
  description:
    "our LSTM trained once across all products (one network per target, per-product scaling)",
  scope: "global",
});
/** The original design, kept as the reference point. */
export const lstmSeedModel = lstmModel(LSTM_SEED, {
  description: "original design: 30 days in, LSTM 50 → LSTM 50 → dense 25 → 1 day out, " +
    "rolled forward (min-max)",
});

/** One registered model, and whether `auto` compares it by default. */
interface Entry {
  model: ForecastModel;
  /** In `auto`'s default candidates (slow or experimental models are asked for by name). */
  candidate: boolean;
}

/** The registry: simplest first (ties in model choice go to the model listed first). */
const ENTRIES: readonly Entry[] = [
  { model: zeroModel, candidate: true },
  { model: naiveModel, candidate: true },
  { model: seasonalNaiveModel, candidate: true },
  { model: movingAverageModel, candidate: true },
  { model: movingAverageYearModel, candidate: false },
  { model: crostonModel, candidate: true },
  { model: tsbModel, candidate: true },
  { model: thetaModel, candidate: true },
  { model: etsModel, candidate: true },
  { model: comboModel, candidate: false },
  { model: comboMedianModel, candidate: true },
  { model: lagModel, candidate: true },
  { model: lstmDirectModel, candidate: true },
  { model: lstmGlobalModel, candidate: false },
  { model: lstmSeedModel, candidate: false },
];

/** The baseline models (no network), in registry order. */
export const BASELINE_MODELS: readonly ForecastModel[] = ENTRIES.map((e) => e.model).filter((m) =>
  !m.network
);

/** The neural models (trained and saved in the model store), in registry order. */
export const LSTM_MODELS: readonly ForecastModel[] = ENTRIES.map((e) => e.model).filter((m) =>
  m.network !== undefined
);

/** The models `auto` compares by default, in registry order. */
export const DEFAULT_CANDIDATES: readonly string[] = ENTRIES.filter((e) => e.candidate).map((e) =>
  e.model.name
);

/**
 * The fallbacks, explicit: `forTarget` forecasts a target the chosen `--model` cannot (`lag`
 * forecasts no sales); `shortHistory` lists what `auto` uses for a history too short to
 * backtest, the first whose minimum history it has.
 */
export const FALLBACK = {
  forTarget: etsModel,
  shortHistory: [seasonalNaiveModel, naiveModel],
} as const;

/** The benchmark a forecast must beat to be trusted (repeating last week). */
export const BENCHMARK_MODEL: ForecastModel = seasonalNaiveModel;

const registry = new Map<string, ForecastModel>(ENTRIES.map((e) => [e.model.name, e.model]));

/** All registered model names in registration order. */
export function modelNames(): string[] {
  return [...registry.keys()];
}

/** The model of a name, or `undefined`. */
export function findModel(name: string): ForecastModel | undefined {
  return registry.get(name);
}

/** The model of a name; a RangeError for an unknown one. */
export function modelNamed(name: string): ForecastModel {
  const model = registry.get(name);
  if (!model) throw new RangeError(`Unknown model ${JSON.stringify(name)}`);
  return model;
}

/** The models among `names` that forecast `target`. */
export function modelsFor(names: readonly string[], target: Target): ForecastModel[] {
  return names.map((name) => registry.get(name)).filter((m): m is ForecastModel =>
    m !== undefined && m.targets.includes(target)
  );
}
