/**
 * The one contract every forecasting model answers: fit on a history, then forecast a horizon
 * from any context that extends that history (a rolling backtest moves the origin forward
 * without refitting). A forecast is a mean with 80 % and 95 % interval bounds, all finite, ≥ 0.
 * @module
 */

import type { LstmConfig } from "./lstm/config.ts";

/** What is forecast: units sold or units returned per day. */
export type Target = "sales" | "returns";

/** A forecast over `mean.length` days: the mean and interval bounds, all finite and ≥ 0. */
export interface Forecast {
  /** Expected units per day. */
  mean: Float64Array;
  /** Lower bound of the 80 % interval. */
  lo80: Float64Array;
  /** Upper bound of the 80 % interval. */
  hi80: Float64Array;
  /** Lower bound of the 95 % interval. */
  lo95: Float64Array;
  /** Upper bound of the 95 % interval. */
  hi95: Float64Array;
}

/** A daily series to fit on or forecast from. */
export interface SeriesContext {
  /** Product id (for messages). */
  productId: string;
  /** What the values are. */
  target: Target;
  /** Day number of `values[0]`. */
  start: number;
  /** The target's daily values, oldest first; the forecast starts the day after the last. */
  values: Float64Array;
  /**
   * Daily sales over the same days as `values` (returns models use them: returns follow sales).
   * Equal to `values` when the target is sales.
   */
  sales: Float64Array;
  /**
   * Expected sales over the forecast horizon, for returns models whose lags reach past the
   * context's end. Supplied by the caller (the sales forecast); absent for sales models.
   */
  futureSales?: Float64Array;
  /**
   * The return lag shape (weights over lags 0…K) pooled over all products of the dataset up to
   * the same day, when known; the `lag` model leans on it where one product's returns are sparse.
   */
  returnLagShape?: Float64Array;
  /**
   * The product's yearly sales profile (a factor by day of year, see `yearly/profile.ts`), when
   * the shop's history spans more than a year: sales models then fit and forecast on the values
   * divided by it (`yearly/apply.ts`).
   */
  yearly?: Float64Array;
  /**
   * 1 where the shop was open, 0 where it was closed, over `values` and possibly the days after
   * (the horizon: forecasts are 0 on closed days); absent means open every day.
   */
  open?: Uint8Array;
  /**
   * The history as it happened, when `values` and `sales` are cleaned (closed days filled, spikes
   * capped): forecasts are judged against these.
   */
  raw?: { values: Float64Array; sales: Float64Array; closedWeekdays: readonly number[] };
}

/** Progress of a model that trains in epochs. */
export interface TrainingProgress {
  /** Product id. */
  productId: string;
  /** Sales or returns. */
  target: Target;
  /** Model name. */
  model: string;
  /** 1-based epoch. */
  epoch: number;
  /** Most epochs this run may take. */
  maxEpochs: number;
  /** Training loss. */
  loss: number;
  /** Validation loss. */
  valLoss: number;
  /** Seconds since this fit started. */
  elapsed: number;
}

/** Settings every fit receives. */
export interface FitOptions {
  /** Forecast horizon the model will be asked for (days). */
  horizon: number;
  /** Seed for anything random (weights, dropout, shuffling). */
  seed: number;
  /** Called after each training epoch by models that train in epochs. */
  onProgress?: (progress: TrainingProgress) => void;
  /**
   * How a model made of other models (a combination) fits its members on this history: a
   * backtest job hands out the fits its candidates already made at the same cutoff, so each
   * member is fitted once. Absent: the members fit themselves.
   */
  fitMember?: (member: ForecastModel, history: SeriesContext) => Promise<FittedModel>;
}

/** A model fitted on a history: forecasts from any context that extends that history. */
export interface FittedModel {
  /** The model's name. */
  readonly model: string;
  /** Point forecast (the mean) for `horizon` days after the context's last day. */
  predict(context: SeriesContext, horizon: number): Float64Array;
  /** Point forecasts from many contexts at once (faster for networks); optional. */
  predictMany?(contexts: readonly SeriesContext[], horizon: number): Float64Array[];
  /**
   * First history index that is out of sample for the fitted parameters (a validation split);
   * interval calibration uses origins from there on. Absent: any origin will do.
   */
  readonly calibrationFrom?: number;
  /** Frees resources held by the fitted model (tensors); it cannot predict afterwards. */
  dispose?(): void;
}

/**
 * What a model is, declared by the model itself — the pipeline schedules, stores and describes
 * models from these, never from their names.
 */
export interface ModelCapabilities {
  /** Fewest days of history it can fit on. */
  readonly minHistory: number;
  /** Targets it forecasts (`lag` forecasts only returns). */
  readonly targets: readonly Target[];
  /**
   * Cost class: `light` models are cheap and backtested together in one job per product;
   * `heavy` ones train a network and get jobs of their own, spread over the worker pool.
   */
  readonly cost: "light" | "heavy";
  /** `product`: fitted per product; `global`: one fit across all products of a target. */
  readonly scope: "product" | "global";
  /** Whether it reads the sales forecast over the horizon (returns that follow sales). */
  readonly needsSalesForecast: boolean;
  /**
   * The network design of a neural model (trained fits are saved in the model store and reused
   * while their data is unchanged); absent for the baselines.
   */
  readonly network?: LstmConfig;
  /**
   * The model that takes this one's place among `auto`'s default candidates when there are many
   * products (a per-product network's global variant).
   */
  readonly atScale?: string;
}

/** The capabilities of a plain baseline: light, per product, sales not needed, no network. */
export const BASELINE: Pick<ModelCapabilities, "cost" | "scope" | "needsSalesForecast"> = {
  cost: "light",
  scope: "product",
  needsSalesForecast: false,
};

/** A forecasting model: a name, what it is, and a fit. */
export interface ForecastModel extends ModelCapabilities {
  /** Name used on the command line and in outputs (e.g. `ets`): an alias of its parameters. */
  readonly name: string;
  /** One line on how it works, for reports and `--help`. */
  readonly description: string;
  /** A combination's members, each fitted on the combination's history. */
  readonly members?: readonly ForecastModel[];
  /** Fits the model on a history. */
  fit(history: SeriesContext, options: FitOptions): FittedModel | Promise<FittedModel>;
}
