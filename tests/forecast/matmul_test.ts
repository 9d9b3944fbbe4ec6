/**
 * Transposed matrix products on the wasm backend take the untransposed (XNNPACK) path: the same
 * numbers as multiplying explicitly transposed copies, right, and with no tensor left behind —
 * including the products backpropagation asks for.
 */

import type { Tensor } from "@tensorflow/tfjs";
import { loadTf } from "../../src/forecast/lstm/tf.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

Deno.test("transposed products on wasm are the untransposed products of transposed copies", async () => {
  const tf = await loadTf();
  assertEquals(tf.getBackend(), "wasm");
  const a = tf.randomNormal([96, 40], 0, 1, "float32", 1);
  const b = tf.randomNormal([96, 56], 0, 1, "float32", 2);
  const c = tf.randomNormal([40, 56], 0, 1, "float32", 3);
  const e = tf.randomNormal([56, 96], 0, 1, "float32", 4);
  const before = tf.memory().numTensors;
  const values = (product: () => Tensor) => {
    const result = tf.tidy(product);
    const numbers = [...result.dataSync()];
    result.dispose();
    return numbers;
  };
  const t = tf.transpose;
  assertEquals(values(() => tf.matMul(a, b, true, false)), values(() => tf.matMul(t(a), b)));
  assertEquals(values(() => tf.matMul(b, c, false, true)), values(() => tf.matMul(b, t(c))));
  assertEquals(values(() => tf.matMul(a, e, true, true)), values(() => tf.matMul(t(a), t(e))));
  // Right, against a plain product in double precision.
  const got = values(() => tf.matMul(a, b, true, false));
  const av = a.arraySync() as number[][];
  const bv = b.arraySync() as number[][];
  let worst = 0;
  for (let i = 0; i < 40; i++) {
    for (let j = 0; j < 56; j++) {
      let sum = 0;
      for (let p = 0; p < 96; p++) sum += av[p][i] * bv[p][j];
      worst = Math.max(worst, Math.abs(got[i * 56 + j] - sum));
    }
  }
  assert(worst < 1e-4, `aᵀb off by ${worst}`);
  // Gradients go through the same kernel: d(Σ b·cᵀ)/db = 1·c, d/dc = 1ᵀ·b.
  const [gb, gc] = tf.tidy(() =>
    tf.grads((x, y) => tf.matMul(x, y, false, true).sum())([b, c]).map((g) =>
      g.arraySync() as number[][]
    )
  );
  const cv = c.arraySync() as number[][];
  const column = (m: number[][], j: number) => m.reduce((sum, row) => sum + row[j], 0);
  assert(Math.abs(gb[5][7] - column(cv, 7)) < 1e-4, "d/db");
  assert(Math.abs(gc[3][9] - column(bv, 9)) < 1e-4, "d/dc");
  // Shapes that do not fit fail as the kernel always did, naming the transposes asked for.
  let message = "";
  try {
    tf.tidy(() => tf.matMul(a, c, true, false));
  } catch (error) {
    message = (error as Error).message;
  }
  assert(message.includes("transposeA=true"), message);
  assertEquals(tf.memory().numTensors, before, "no tensor left behind");
  tf.dispose([a, b, c, e]);
});
