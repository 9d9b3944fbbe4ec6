/**
 * Every model by name. Baselines are pure functions of arrays; the LSTMs train with tfjs
 * (loaded only when one is fitted).
 * @module
 */

import type { ForecastModel, Target } from "./types.ts";
import { naiveModel } from "./models/naive.ts";
import { seasonalNaiveModel } from "./models/snaive.ts";
import { movingAverageModel } from "./models/moving_average.ts";
import { etsModel } from "./models/ets.ts";
import { crostonModel, tsbModel } from "./models/intermittent.ts";
import { lagModel } from "./models/lag.ts";
import { zeroModel } from "./models/zero.ts";
import { comboModel } from "./models/combination.ts";
import { lstmDirectModel, lstmGlobalModel, lstmSeedModel } from "./lstm/models.ts";

/** The baseline models, simplest first (ties in model choice go to the simpler model). */
export const BASELINE_MODELS: readonly ForecastModel[] = [
  zeroModel,
  naiveModel,
  seasonalNaiveModel,
  movingAverageModel,
  crostonModel,
  tsbModel,
  etsModel,
  comboModel,
  lagModel,
];

/** The LSTM models: ours, ours across products, and the original design. */
export const LSTM_MODELS: readonly ForecastModel[] = [
  lstmDirectModel,
  lstmGlobalModel,
  lstmSeedModel,
];

const registry = new Map<string, ForecastModel>(
  [...BASELINE_MODELS, ...LSTM_MODELS].map((m) => [m.name, m]),
);

/** All registered model names in registration order. */
export function modelNames(): string[] {
  return [...registry.keys()];
}

/** The model of a name, or `undefined`. */
export function findModel(name: string): ForecastModel | undefined {
  return registry.get(name);
}

/** The models among `names` that forecast `target`. */
export function modelsFor(names: readonly string[], target: Target): ForecastModel[] {
  return names.map((name) => registry.get(name)).filter((m): m is ForecastModel =>
    m !== undefined && m.targets.includes(target)
  );
}
