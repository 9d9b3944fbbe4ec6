/**
 * Builds the tfjs network of an LSTM config: stacked LSTM layers (dropout after each), the
 * extra head input (future sales) joined to the last LSTM state, dense layers, a linear output
 * of `outputs` days. Every initialiser and dropout layer is seeded.
 * @module
 */

import type * as TF from "@tensorflow/tfjs";
import type { Tf } from "./tf.ts";
import type { LstmConfig } from "./config.ts";
import type { SampleShape } from "./features.ts";

/** Builds and compiles the network (Adam, MSE loss, MAE metric). */
export function buildNetwork(tf: Tf, config: LstmConfig, shape: SampleShape, seed: number) {
  let nextSeed = seed;
  const seeded = () => ({ seed: nextSeed++ });
  const sequence = tf.input({ shape: [shape.steps, shape.features], name: "history" });
  const inputs: TF.SymbolicTensor[] = [sequence];
  let x: TF.SymbolicTensor = sequence;
  const warn = console.warn;
  console.warn = () => {}; // tfjs warns that orthogonal initialisation of 50×200 may be slow
  try {
    config.lstmUnits.forEach((units, i) => {
      x = tf.layers.lstm({
        units,
        returnSequences: i < config.lstmUnits.length - 1,
        kernelInitializer: tf.initializers.glorotUniform(seeded()),
        recurrentInitializer: tf.initializers.orthogonal(seeded()),
      }).apply(x) as TF.SymbolicTensor;
      if (config.dropout > 0) {
        x = tf.layers.dropout({ rate: config.dropout, seed: nextSeed++ }).apply(
          x,
        ) as TF.SymbolicTensor;
      }
    });
  } finally {
    console.warn = warn;
  }
  if (shape.extra > 0) {
    const future = tf.input({ shape: [shape.extra], name: "future_sales" });
    inputs.push(future);
    x = tf.layers.concatenate().apply([x, future]) as TF.SymbolicTensor;
  }
  for (const units of config.dense) {
    x = tf.layers.dense({
      units,
      activation: config.denseActivation ?? "relu",
      kernelInitializer: tf.initializers.glorotUniform(seeded()),
    }).apply(x) as TF.SymbolicTensor;
  }
  // Count losses need a positive mean: a softplus output (a smooth log link).
  const output = tf.layers.dense({
    units: config.outputs,
    kernelInitializer: tf.initializers.glorotUniform(seeded()),
    ...((config.loss ?? "mse") !== "mse" ? { activation: "softplus" as const } : {}),
  }).apply(x) as TF.SymbolicTensor;
  const model = tf.model({ inputs, outputs: output });
  model.compile({
    optimizer: tf.train.adam(config.learningRate),
    loss: "meanSquaredError",
    metrics: ["mae"],
  });
  return model;
}
