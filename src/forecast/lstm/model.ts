/**
 * The LSTM forecasters behind the common model contract. Training and prediction run in tfjs
 * (loaded on first use); the fitted model keeps the network, the scalers and a bias factor that
 * corrects the log-scale mean back to the mean in units.
 * @module
 */

import type * as TF from "@tensorflow/tfjs";
import type { FitOptions, FittedModel, SeriesContext } from "../types.ts";
import { type LstmConfig } from "./config.ts";
import {
  buildInput,
  buildSamples,
  concatSamples,
  fitScaler,
  type LstmSeries,
  type SampleSet,
  type SampleShape,
  sampleShape,
  type Scalers,
  trainingOrigins,
  unscaleValue,
} from "./features.ts";
import { loadTf, type Tf, withSeededMathRandom } from "./tf.ts";
import { buildNetwork } from "./network.ts";
import { samplingPlan } from "./sampling.ts";
import { type TrainingSummary, trainNetwork } from "./train.ts";
import { createRandom } from "../../util/random.ts";
import { MA28, movingAverageForecast } from "../models/moving_average.ts";

/** Everything a trained LSTM needs to forecast (and to be saved). */
export interface LstmState {
  /** The design. */
  config: LstmConfig;
  /** Input shape. */
  shape: SampleShape;
  /** Scalers fitted on the training history. */
  scalers: Scalers;
  /** Multiplies forecasts so their training-window mean matches the actual mean. */
  bias: number;
  /** First history index of the validation windows. */
  calibrationFrom: number;
  /** How training went. */
  training: Omit<TrainingSummary, "history"> & { history: TrainingSummary["history"] };
  /** Seed used. */
  seed: number;
}

/** A trained LSTM: network plus state. */
export class TrainedLstm implements FittedModel {
  /** Model name. */
  readonly model: string;
  /** First history index of the validation windows (for interval calibration). */
  readonly calibrationFrom: number;

  /** Wraps a network and its state; `ownsNetwork` says whether disposing frees the network. */
  constructor(
    readonly tf: Tf,
    readonly network: TF.LayersModel,
    readonly state: LstmState,
    readonly ownsNetwork = true,
  ) {
    this.model = state.config.name;
    this.calibrationFrom = state.calibrationFrom;
  }

  /** Forecasts `horizon` days after the context, `outputs` days per network call. */
  predict(context: SeriesContext, horizon: number): Float64Array {
    return this.predictMany([context], horizon)[0];
  }

  /** Forecasts from many contexts at once: one network call per block for all of them. */
  predictMany(contexts: readonly SeriesContext[], horizon: number): Float64Array[] {
    return predictAcross([{ model: this, contexts }], horizon)[0];
  }

  /** Mean of the forecasts over training samples, in units, versus the actual mean. */
  biasOn(samples: SampleSet): number {
    if (this.state.config.scaling !== "log1p" || samples.count === 0) return 1;
    const out = runNetwork(this, samples);
    let predicted = 0;
    let actual = 0;
    for (let i = 0; i < out.length; i++) {
      predicted += unscaleValue(this.state.scalers.target, out[i]);
      actual += unscaleValue(this.state.scalers.target, samples.y[i]);
    }
    return predicted > 0 ? Math.min(2, Math.max(0.5, actual / predicted)) : 1;
  }

  /** Frees the network's tensors (when this model owns the network). */
  dispose(): void {
    if (this.ownsNetwork) this.network.dispose();
  }
}

/** Runs a model's network on samples; returns the scaled outputs, flat. */
function runNetwork(model: TrainedLstm, samples: SampleSet): Float32Array {
  const { tf, state } = model;
  const output = tf.tidy(() => {
    const x = tf.tensor3d(samples.x, [samples.count, state.shape.steps, state.shape.features]);
    const inputs = state.shape.extra > 0
      ? [x, tf.tensor2d(samples.extra!, [samples.count, state.shape.extra])]
      : x;
    // One batch: `predict` otherwise cuts the rows into batches of 32 and runs the network's
    // steps once per batch (the same numbers, many more small kernels).
    return model.network.predict(inputs, { batchSize: Math.max(1, samples.count) }) as TF.Tensor;
  });
  // Read outside `tidy`, which would walk every number of a returned array looking for tensors.
  try {
    return output.dataSync() as Float32Array;
  } finally {
    output.dispose();
  }
}

/** Most forecasts per network call (bounds the memory of one call). */
const ROWS_PER_CALL = 4096;

/** One forecast to make: its model, and the tail of its history with room for the forecast. */
interface ForecastRow {
  model: TrainedLstm;
  start: number;
  n: number;
  target: Float64Array;
  sales?: Float64Array;
}

function forecastRow(model: TrainedLstm, context: SeriesContext, horizon: number): ForecastRow {
  const { config, shape } = model.state;
  const total = context.values.length;
  // The network reads the last `window` days only: keep those (the calendar moves with start).
  const n = Math.min(total, config.window);
  const skip = total - n;
  const target = new Float64Array(n + horizon);
  target.set(context.values.subarray(skip));
  let sales: Float64Array | undefined;
  if (shape.extra > 0) {
    sales = new Float64Array(n + horizon + config.outputs);
    sales.set(context.sales.subarray(skip));
    const future = context.futureSales && context.futureSales.length >= horizon
      ? context.futureSales
      : movingAverageForecast(context.sales, context.start, horizon + config.outputs, MA28);
    sales.set(future.subarray(0, Math.min(future.length, horizon + config.outputs)), n);
  }
  return { model, start: context.start + skip, n, target, ...(sales ? { sales } : {}) };
}

/**
 * Forecasts `horizon` days from every context of every request with as few network calls as
 * possible: requests whose models share one network (the global mode) go through it together,
 * block by block, each row with its own model's scaling and bias.
 */
export function predictAcross(
  requests: readonly { model: TrainedLstm; contexts: readonly SeriesContext[] }[],
  horizon: number,
): Float64Array[][] {
  const results = requests.map((r) => new Array<Float64Array>(r.contexts.length));
  const byNetwork = new Map<TF.LayersModel, { request: number; index: number }[]>();
  requests.forEach((request, r) => {
    const list = byNetwork.get(request.model.network) ?? [];
    request.contexts.forEach((_, index) => list.push({ request: r, index }));
    byNetwork.set(request.model.network, list);
  });
  for (const list of byNetwork.values()) {
    for (let from = 0; from < list.length; from += ROWS_PER_CALL) {
      const chunk = list.slice(from, from + ROWS_PER_CALL);
      const rows = chunk.map(({ request, index }) =>
        forecastRow(requests[request].model, requests[request].contexts[index], horizon)
      );
      predictRows(rows, horizon);
      chunk.forEach(({ request, index }, k) => {
        results[request][index] = rows[k].target.slice(rows[k].n);
      });
    }
  }
  return results;
}

/** Fills each row's forecast in place, `outputs` days per network call for all rows. */
function predictRows(rows: readonly ForecastRow[], horizon: number): void {
  if (rows.length === 0) return;
  const lead = rows[0].model;
  const { config, shape } = lead.state;
  for (let done = 0; done < horizon; done += config.outputs) {
    const inputs = rows.map((row) =>
      buildInput(
        config,
        shape,
        {
          start: row.start,
          target: row.target.subarray(0, row.n + done),
          ...(row.sales ? { sales: row.sales.subarray(0, row.n + done) } : {}),
        },
        row.model.state.scalers,
        row.sales?.subarray(row.n + done, row.n + done + config.outputs),
      )
    );
    const block = runNetwork(lead, concatSamples(inputs));
    rows.forEach((row, k) => {
      const { scalers, bias } = row.model.state;
      for (let h = 0; h < config.outputs && done + h < horizon; h++) {
        row.target[row.n + done + h] = unscaleValue(scalers.target, block[k * config.outputs + h]) *
          bias;
      }
    });
  }
}

/** Trains an LSTM of `config` on one history. */
export async function trainLstm(
  config: LstmConfig,
  history: SeriesContext,
  options: FitOptions,
): Promise<TrainedLstm> {
  const [trained] = await trainSharedLstm(config, [history], options);
  return trained;
}

/**
 * Trains one network on several histories of the same target (the global mode: one model
 * across products). Each history keeps its own scalers and bias; all share the network. The
 * first returned model owns the network (disposing it frees the network for all).
 */
export async function trainSharedLstm(
  config: LstmConfig,
  histories: readonly SeriesContext[],
  options: FitOptions,
): Promise<TrainedLstm[]> {
  const tf = await loadTf();
  const target = histories[0].target;
  const withSales = config.salesInputs && target === "returns";
  const shape = sampleShape(config, withSales);
  const { stride, every } = samplingPlan(config, histories.map((h) => h.values.length));
  const prepared = histories.map((history) => {
    const series: LstmSeries = {
      start: history.start,
      target: history.values,
      ...(withSales ? { sales: history.sales } : {}),
    };
    const scalers: Scalers = {
      target: fitScaler(config.scaling, history.values),
      ...(withSales ? { sales: fitScaler(config.scaling, history.sales) } : {}),
    };
    const origins = trainingOrigins({ ...config, stride }, history.values.length);
    const validationCount = Math.max(1, Math.round(origins.length * config.validationShare));
    const split = origins.length - validationCount;
    const samples = (list: number[]) => buildSamples(config, shape, series, scalers, list);
    return {
      scalers,
      calibrationFrom: origins[split] ?? history.values.length,
      train: samples(origins.slice(0, split)),
      validation: samples(origins.slice(split)),
      all: samples(origins),
    };
  });
  const label = histories.length === 1 ? histories[0].productId : `${histories.length} products`;
  const random = createRandom(options.seed);
  return await withSeededMathRandom(() => random.uniform(), async () => {
    const network = buildNetwork(tf, config, shape, options.seed);
    // With very many products they take turns (`sampling.ts`): every `every`-th one trains.
    const trainers = every === 1 ? prepared : prepared.filter((_, i) => i % every === 0);
    const data = {
      train: concatSamples(trainers.map((p) => p.train)),
      validation: concatSamples(trainers.map((p) => p.validation)),
      all: concatSamples(trainers.map((p) => p.all)),
    };
    const training = await trainNetwork(tf, network, config, shape, data, {
      seed: options.seed,
      onEpoch: (report) =>
        options.onProgress?.({
          productId: label,
          target,
          model: config.name,
          epoch: report.epoch,
          maxEpochs: report.maxEpochs,
          loss: report.loss,
          valLoss: report.valLoss,
          elapsed: report.elapsed,
        }),
    });
    return prepared.map((p, i) => {
      const state: LstmState = {
        config,
        shape,
        scalers: p.scalers,
        bias: 1,
        calibrationFrom: p.calibrationFrom,
        training,
        seed: options.seed,
      };
      const trained = new TrainedLstm(tf, network, state, i === 0);
      state.bias = trained.biasOn(p.all);
      return trained;
    });
  });
}
