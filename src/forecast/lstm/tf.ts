/**
 * Loads TensorFlow.js once, on the WebAssembly backend (about 5× faster than `cpu` for our
 * LSTMs). If the wasm backend cannot start, says so once on stderr and falls back to `cpu`.
 * Imported lazily, so commands that use no LSTM do not pay for loading tfjs.
 * @module
 */

import type * as TF from "@tensorflow/tfjs";
import { untransposedMatMul } from "./matmul.ts";

/** The tfjs namespace. */
export type Tf = typeof TF;

let loading: Promise<Tf> | undefined;

/** Loads tfjs and selects the wasm backend (once per thread). */
export function loadTf(): Promise<Tf> {
  loading ??= (async () => {
    const tf = await import("@tensorflow/tfjs");
    await import("@tensorflow/tfjs-backend-wasm");
    let ready = false;
    try {
      ready = await tf.setBackend("wasm");
    } catch {
      ready = false;
    }
    if (ready) untransposedMatMul(tf);
    else {
      console.error(
        "warning: the tfjs wasm backend did not start; training on the slower cpu backend",
      );
      await tf.setBackend("cpu");
    }
    await tf.ready();
    return tf;
  })();
  return loading;
}

/**
 * Runs `fn` with `Math.random` replaced by a seeded generator, so that everything tfjs draws
 * without an explicit seed (dropout masks, default initialisers) is reproducible.
 */
export async function withSeededMathRandom<T>(
  random: () => number,
  fn: () => Promise<T>,
): Promise<T> {
  const original = Math.random;
  Math.random = random;
  try {
    return await fn();
  } finally {
    Math.random = original;
  }
}
