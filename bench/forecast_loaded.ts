/**
 * Times forecasts from saved `lstm` models, per product (sales and returns, intervals
 * included), after one warm-up pass. Prints a JSON line `{ "msPerProduct": … }`.
 * Usage: deno run -A bench/forecast_loaded.ts DATA MODELS_DIR
 */

import { readDaily } from "../src/data/read_daily.ts";
import { contextOf } from "../src/forecast/context.ts";
import { loadLstm } from "../src/forecast/store/lstm_store.ts";
import { modelDir } from "../src/forecast/store/paths.ts";
import { forecastWithIntervals } from "../src/forecast/forecast.ts";
import { lstmDirectModel } from "../src/forecast/registry.ts";

const [data, root] = Deno.args;
const set = await readDaily(data);
const loaded: {
  context: ReturnType<typeof contextOf>;
  model: NonNullable<Awaited<ReturnType<typeof loadLstm>>>["models"] extends Map<string, infer M>
    ? M
    : never;
}[] = [];
for (const product of set.products) {
  for (const target of ["sales", "returns"] as const) {
    const saved = await loadLstm(
      modelDir(root, product.id, target, "lstm"),
      "run the train benchmark first",
    );
    if (!saved) {
      throw new Error(`no saved model for ${product.id} ${target}: run the train benchmark first`);
    }
    loaded.push({ context: contextOf(product, target), model: saved.models.get(product.id)! });
  }
}
const once = () => {
  for (const { context, model } of loaded) {
    forecastWithIntervals(model, lstmDirectModel, context, 30);
  }
};
once();
const started = performance.now();
const rounds = 5;
for (let i = 0; i < rounds; i++) once();
const msPerProduct = (performance.now() - started) / rounds / set.products.length;
console.log(JSON.stringify({ msPerProduct }));
