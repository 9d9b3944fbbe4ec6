/**
 * A global network's training windows at scale: an epoch stays near `maxSamples` windows, and
 * however many products there are, the network has windows to train on.
 */

import { LSTM_GLOBAL } from "../../src/forecast/lstm/config.ts";
import { MIN_ORIGINS, samplingPlan, windowCount } from "../../src/forecast/lstm/sampling.ts";
import { trainingOrigins } from "../../src/forecast/lstm/features.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

/** Training windows (windows − the validated fifth) of the histories that train under `plan`. */
function trainingWindows(lengths: number[]) {
  const plan = samplingPlan(LSTM_GLOBAL, lengths);
  let train = 0;
  let all = 0;
  lengths.forEach((length, i) => {
    if (i % plan.every !== 0) return;
    const origins = trainingOrigins({ ...LSTM_GLOBAL, stride: plan.stride }, length).length;
    const validation = Math.max(1, Math.round(origins * LSTM_GLOBAL.validationShare));
    train += Math.max(0, origins - validation);
    all += origins;
  });
  return { plan, train, all };
}

Deno.test("up to a few thousand products every product trains, thinned to an epoch of maxSamples", () => {
  for (const products of [1, 50, 1_000, 2_000]) {
    const { plan, all } = trainingWindows(Array(products).fill(730));
    assertEquals(plan.every, 1, `${products} products all train`);
    const wanted = Math.ceil(products * windowCount(LSTM_GLOBAL, 730) / LSTM_GLOBAL.maxSamples);
    assertEquals(plan.stride, Math.max(LSTM_GLOBAL.stride, wanted), `${products}: stride`);
    assert(all <= LSTM_GLOBAL.maxSamples * 1.05 + 700, `${products}: ${all} windows`);
  }
});

Deno.test("at 10,000 products and more the products take turns and each one trained keeps windows to train on", () => {
  for (const [products, length] of [[10_000, 730], [10_000, 337], [50_000, 730], [4_000, 400]]) {
    const lengths = Array(products).fill(length);
    const { plan, train, all } = trainingWindows(lengths);
    const origins = trainingOrigins({ ...LSTM_GLOBAL, stride: plan.stride }, length).length;
    assert(origins >= MIN_ORIGINS, `${products} × ${length}: ${origins} windows per product`);
    assert(train >= 0.7 * LSTM_GLOBAL.maxSamples, `${products} × ${length}: ${train} to train on`);
    assert(all <= 1.25 * LSTM_GLOBAL.maxSamples, `${products} × ${length}: ${all} in an epoch`);
  }
});

Deno.test("young products among long ones: the stride is set by the longest history", () => {
  const lengths = [...Array(9_000).fill(730), ...Array(3_000).fill(120)];
  const { plan, train } = trainingWindows(lengths);
  assert(plan.every > 1);
  assertEquals(plan.stride, Math.floor((windowCount(LSTM_GLOBAL, 730) - 1) / (MIN_ORIGINS - 1)));
  assert(train > 0.5 * LSTM_GLOBAL.maxSamples, `${train} to train on`);
});
