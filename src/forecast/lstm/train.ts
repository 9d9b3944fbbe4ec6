/**
 * The training loop: seeded shuffling, mini-batches, validation loss and MAE after each epoch,
 * early stopping with the best weights restored, then optionally a few epochs on all windows.
 * Reports progress per epoch.
 * @module
 */

import type * as TF from "@tensorflow/tfjs";
import type { Tf } from "./tf.ts";
import type { LstmConfig } from "./config.ts";
import type { SampleSet, SampleShape } from "./features.ts";
import { createRandom } from "../../util/random.ts";

/** What one epoch reports. */
export interface EpochReport {
  /** 1-based epoch. */
  epoch: number;
  /** Most epochs this run may take. */
  maxEpochs: number;
  /** Mean training loss (MSE, scaled units). */
  loss: number;
  /** Validation loss (MSE), NaN in the final all-data epochs. */
  valLoss: number;
  /** Validation MAE (scaled units). */
  valMae: number;
  /** Seconds since training started. */
  elapsed: number;
}

/** The outcome of training. */
export interface TrainingSummary {
  /** Epochs run before stopping (final all-data epochs not counted). */
  epochs: number;
  /** Epoch with the best validation loss. */
  bestEpoch: number;
  /** Best validation loss. */
  bestValLoss: number;
  /** One report per epoch. */
  history: EpochReport[];
  /** Seconds spent. */
  seconds: number;
}

function tensors(tf: Tf, set: SampleSet, shape: SampleShape, outputs: number) {
  const x = tf.tensor3d(set.x, [set.count, shape.steps, shape.features]);
  const inputs: TF.Tensor[] = [x];
  if (shape.extra > 0) inputs.push(tf.tensor2d(set.extra!, [set.count, shape.extra]));
  const y = tf.tensor2d(set.y, [set.count, outputs]);
  return { inputs, y };
}

/** Power of the Tweedie loss (between Poisson, 1, and gamma, 2). */
export const TWEEDIE_POWER = 1.5;

/**
 * The training loss of a config, averaged: squared error, or for counts (a positive mean μ) the
 * Poisson negative log-likelihood μ − y·log μ, or the Tweedie one −y·μ^(1−p)/(1−p) + μ^(2−p)/(2−p).
 */
export function lossOf(tf: Tf, config: LstmConfig, y: TF.Tensor, mu: TF.Tensor): TF.Scalar {
  const loss = config.loss ?? "mse";
  if (loss === "mse") return tf.losses.meanSquaredError(y, mu) as TF.Scalar;
  return tf.tidy(() => {
    const safe = mu.maximum(1e-6);
    if (loss === "poisson") return safe.sub(y.mul(safe.log())).mean() as TF.Scalar;
    const p = TWEEDIE_POWER;
    return y.mul(safe.pow(1 - p)).div(p - 1).add(safe.pow(2 - p).div(2 - p)).mean() as TF.Scalar;
  });
}

/** Trains `model` on `train`, early-stopping on `validation`. */
export async function trainNetwork(
  tf: Tf,
  model: TF.LayersModel,
  config: LstmConfig,
  shape: SampleShape,
  data: { train: SampleSet; validation: SampleSet; all: SampleSet },
  options: { seed: number; onEpoch?: (report: EpochReport) => void },
): Promise<TrainingSummary> {
  const started = performance.now();
  const random = createRandom(options.seed ^ 0x5eed);
  const optimizer = model.optimizer;
  const train = tensors(tf, data.train, shape, config.outputs);
  const validation = tensors(tf, data.validation, shape, config.outputs);
  const history: EpochReport[] = [];
  let best = { loss: Infinity, epoch: 0, weights: [] as TF.Tensor[] };
  let epoch = 0;

  const runEpoch = (set: { inputs: TF.Tensor[]; y: TF.Tensor }, count: number) => {
    const order = Array.from({ length: count }, (_, i) => i);
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let total: TF.Tensor = tf.scalar(0);
    for (let from = 0; from < count; from += config.batchSize) {
      const index = tf.tensor1d(order.slice(from, from + config.batchSize), "int32");
      const batchLoss = tf.tidy(() => {
        const xs = set.inputs.map((t) => tf.gather(t, index));
        const ys = tf.gather(set.y, index);
        const loss = optimizer.minimize(() => {
          const predicted = model.apply(xs.length === 1 ? xs[0] : xs, {
            training: true,
          }) as TF.Tensor;
          return lossOf(tf, config, ys, predicted);
        }, true)!;
        return loss.mul(ys.shape[0]);
      });
      index.dispose();
      const next = total.add(batchLoss);
      total.dispose();
      batchLoss.dispose();
      total = next;
    }
    const loss = total.dataSync()[0] / count;
    total.dispose();
    return loss;
  };

  const evaluate = () =>
    tf.tidy(() => {
      const inputs = validation.inputs;
      const predicted = model.predict(inputs.length === 1 ? inputs[0] : inputs) as TF.Tensor;
      const diff = predicted.sub(validation.y);
      const loss = (config.loss ?? "mse") === "mse"
        ? diff.square().mean()
        : lossOf(tf, config, validation.y, predicted);
      return [loss.dataSync()[0], diff.abs().mean().dataSync()[0]];
    });

  try {
    while (epoch < config.maxEpochs) {
      epoch++;
      const loss = runEpoch(train, data.train.count);
      const [valLoss, valMae] = data.validation.count > 0 ? evaluate() : [loss, NaN];
      const report = {
        epoch,
        maxEpochs: config.maxEpochs,
        loss,
        valLoss,
        valMae,
        elapsed: (performance.now() - started) / 1000,
      };
      history.push(report);
      options.onEpoch?.(report);
      if (valLoss < best.loss) {
        best.weights.forEach((w) => w.dispose());
        best = { loss: valLoss, epoch, weights: model.getWeights().map((w) => w.clone()) };
      } else if (epoch - best.epoch >= config.patience) {
        break;
      }
      await Promise.resolve();
    }
    if (best.weights.length > 0) model.setWeights(best.weights);
    if (config.finalEpochs > 0) {
      const all = tensors(tf, data.all, shape, config.outputs);
      try {
        for (let k = 0; k < config.finalEpochs; k++) runEpoch(all, data.all.count);
      } finally {
        all.inputs.forEach((t) => t.dispose());
        all.y.dispose();
      }
    }
  } finally {
    best.weights.forEach((w) => w.dispose());
    train.inputs.forEach((t) => t.dispose());
    train.y.dispose();
    validation.inputs.forEach((t) => t.dispose());
    validation.y.dispose();
  }
  return {
    epochs: epoch,
    bestEpoch: best.epoch,
    bestValLoss: best.loss,
    history,
    seconds: (performance.now() - started) / 1000,
  };
}
