/**
 * The global LSTM forecasts every product through one network in batches (record, compute,
 * replay); the numbers must be those of forecasting each product on its own.
 */

import { generateSynthetic } from "../../src/data/synthetic.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import { contextOf } from "../../src/forecast/context.ts";
import { LSTM_GLOBAL } from "../../src/forecast/lstm/config.ts";
import { trainSharedLstm } from "../../src/forecast/lstm/model.ts";
import { BatchedPredictions } from "../../src/forecast/lstm/batched.ts";
import { forecastWithIntervals } from "../../src/forecast/forecast.ts";
import { lstmGlobalModel } from "../../src/forecast/registry.ts";
import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";

Deno.test("batched global forecasts equal one-by-one forecasts, intervals included", async () => {
  const set = generateSynthetic({
    products: 4,
    days: 200,
    start: parseIsoDay("2023-01-01")!,
    seed: 5,
  });
  const histories = set.products.map((p) => contextOf(p, "returns"));
  const config = { ...LSTM_GLOBAL, maxEpochs: 2 };
  const models = await trainSharedLstm(config, histories, { horizon: 30, seed: 3 });
  try {
    const alone = models.map((m, i) => forecastWithIntervals(m, lstmGlobalModel, histories[i], 30));
    const batch = new BatchedPredictions();
    const run = () =>
      models.map((m, i) => forecastWithIntervals(batch.view(m), lstmGlobalModel, histories[i], 30));
    const recorded = run();
    assert(recorded.every((f) => f.mean.every((v) => v === 0)), "the first pass only records");
    batch.compute();
    const batched = run();
    batched.forEach((forecast, i) => {
      for (const key of ["mean", "lo80", "hi80", "lo95", "hi95"] as const) {
        forecast[key].forEach((v, h) => {
          const expected = alone[i][key][h];
          assert(v === expected, `${set.products[i].id} ${key}[${h}]: ${v} vs ${expected}`);
        });
      }
    });
    assert(alone.some((f) => f.mean.some((v) => v > 0)), "the forecasts are not all zero");
    assertThrows(
      () => batch.view(models[0]).predict(histories[0], 30),
      Error,
      "replayed out of order",
    );
    assertEquals(batched.length, 4);
  } finally {
    models[0].network.dispose();
  }
});
