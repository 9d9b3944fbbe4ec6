/**
 * The options of forecasting — the horizon, the model or `auto`'s candidates, the backtest's
 * windows, the networks' training — and the fixed settings behind `auto` and `train`.
 * @module
 */

import { InputError } from "../io/errors.ts";
import { DEFAULT_CANDIDATES, LSTM_MODELS, modelNames } from "../forecast/registry.ts";
import { date, integer, keyword, list, type Option } from "./option.ts";

/** An unknown model name is an InputError naming the flag and the known models. */
export function checkModels(names: string[], flag: string): string[] {
  const known = modelNames();
  for (const name of names) {
    if (!known.includes(name)) {
      throw new InputError(
        `${flag}: unknown model ${JSON.stringify(name)}; known: ${known.join(", ")}`,
      );
    }
  }
  return names;
}

/** The forecast horizon of `forecast`, `plan` and `report` (days). */
export const HORIZON = integer("horizon", {
  value: "N",
  default: 30,
  min: 7,
  max: 90,
  help: "days ahead, 7 to 90",
});

/** `--model` of `forecast`: `auto` or one model. */
export const MODEL: Option<string> & { default: string } = {
  flag: "model",
  value: "NAME",
  default: "auto",
  help: "auto (best backtest per product and target) or a model name",
  blankIsAbsent: true,
  parse: (name) => (name === "auto" ? name : checkModels([name], "--model")[0]),
};

/** `--models` of `forecast` and `backtest`: the candidates of `auto`. */
export const CANDIDATES = list(
  "models",
  { value: "LIST", default: DEFAULT_CANDIDATES, help: "candidates of auto" },
  (names) => checkModels(names, "--models"),
);

/** The backtest of `auto` in `forecast`: 4 windows of the horizon, 28 days apart, fitted once. */
export const AUTO_BACKTEST = { windows: 4, step: 28, refitEvery: 0 };

/** The options of `backtest`: its horizon, windows, step, first cutoff, refits and models. */
export const BACKTEST_OPTIONS = {
  horizon: integer("horizon", {
    value: "N",
    default: 28,
    min: 1,
    max: 365,
    help: "days forecast from each cutoff",
  }),
  windows: integer("windows", {
    value: "N",
    default: 4,
    min: 1,
    max: 100,
    help: "number of cutoffs",
  }),
  step: integer("step", {
    value: "N",
    default: 28,
    min: 1,
    max: 365,
    help: "days between cutoffs",
  }),
  firstCutoff: date("first-cutoff", {
    value: "DATE",
    help: "first cutoff (default: the last window ends on the last day)",
  }),
  refitEvery: integer("refit-every", {
    value: "K",
    default: 1,
    min: 0,
    max: 100,
    help: "refit at every K-th cutoff; 0 fits once and rolls forward",
  }),
  models: { ...CANDIDATES, help: "models" },
};

/** The horizon the networks are trained for by `train` (their 28-day output block). */
export const TRAIN_HORIZON = 28;

/** The options of `train`: which network, and at most how many epochs. */
export const TRAIN_OPTIONS = {
  model: keyword("model", () => LSTM_MODELS.map((m) => m.name), {
    value: "NAME",
    default: "lstm",
    help: "lstm or lstm-seed (the original design)",
  }),
  epochs: integer("epochs", {
    value: "N",
    min: 1,
    max: 1000,
    help: "most epochs (default: the model's own)",
  }),
};
