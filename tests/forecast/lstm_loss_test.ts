/**
 * The count-aware training of `lstm-global`: the Poisson and Tweedie losses (hand-computed, and
 * lowest where the forecast equals the mean of the counts, so the network learns the mean on the
 * units' own scale), the `mean` scaling they train on, and the softplus output they need.
 */

import { loadTf } from "../../src/forecast/lstm/tf.ts";
import { lossOf, TWEEDIE_POWER } from "../../src/forecast/lstm/train.ts";
import { LSTM_DIRECT, LSTM_GLOBAL } from "../../src/forecast/lstm/config.ts";
import { fitScaler, scaleValue, unscaleValue } from "../../src/forecast/lstm/features.ts";
import { assert, assertAlmostEquals, assertEquals } from "../helpers/assert.ts";

Deno.test("lstm-global trains on counts ÷ their mean with a Tweedie loss", () => {
  assertEquals([LSTM_GLOBAL.scaling, LSTM_GLOBAL.loss], ["mean", "tweedie"]);
  assertEquals(LSTM_DIRECT.loss ?? "mse", "mse", "per-product lstm keeps its squared error");
});

Deno.test("the Poisson and Tweedie losses, by hand, and the MSE path unchanged", async () => {
  const tf = await loadTf();
  const y = tf.tensor1d([0, 2, 5]);
  const mu = tf.tensor1d([1, 2, 4]);
  const value = (loss: "mse" | "poisson" | "tweedie") =>
    lossOf(tf, { ...LSTM_GLOBAL, loss }, y, mu).dataSync()[0];
  assertAlmostEquals(value("mse"), (1 + 0 + 1) / 3, 1e-6);
  const poisson = [0, 2, 5].map((v, i) => [1, 2, 4][i] - v * Math.log([1, 2, 4][i]));
  assertAlmostEquals(value("poisson"), poisson.reduce((a, b) => a + b) / 3, 1e-5);
  const p = TWEEDIE_POWER;
  const tweedie = [0, 2, 5].map((v, i) => {
    const m = [1, 2, 4][i];
    return (v * m ** (1 - p)) / (p - 1) + m ** (2 - p) / (2 - p);
  });
  assertAlmostEquals(value("tweedie"), tweedie.reduce((a, b) => a + b) / 3, 1e-5);
  tf.dispose([y, mu]);
});

Deno.test("both count losses are lowest where the forecast is the mean of the counts", async () => {
  const tf = await loadTf();
  // Lumpy counts with mean 3: a flat forecast μ is best at μ = 3 for Poisson and Tweedie alike.
  const counts = [0, 0, 0, 12, 0, 6];
  const y = tf.tensor1d(counts);
  for (const loss of ["poisson", "tweedie"] as const) {
    const at = (level: number) => {
      const mu = tf.fill([counts.length], level);
      const v = lossOf(tf, { ...LSTM_GLOBAL, loss }, y, mu).dataSync()[0];
      mu.dispose();
      return v;
    };
    const levels = [1, 2, 2.5, 3, 3.5, 4, 6];
    const best = levels.reduce((a, b) => (at(b) < at(a) ? b : a));
    assertEquals(best, 3, `${loss}: best flat level`);
    assert(at(1e-9) > at(3), `${loss}: forecasting ~0 costs more than the mean`);
  }
  y.dispose();
});

Deno.test("the mean scaling divides by the series' mean and maps back exactly", () => {
  const scaler = fitScaler("mean", [0, 4, 8, 0]);
  assertEquals([scaler.a, scaler.b], [3, 1]);
  assertEquals(scaleValue(scaler, 6), 2);
  assertEquals(unscaleValue(scaler, scaleValue(scaler, 7.5)), 7.5);
  assertEquals(unscaleValue(scaler, -1), 0, "never below 0");
  assertEquals(fitScaler("mean", [0, 0, 0]).a, 1, "an all-zero series keeps a unit scale");
});
