import {
  type ForecastJob,
  type ForecastOutcome,
  type GlobalForecastJob,
  runJob,
} from "../../src/forecast/jobs.ts";
import { loadLstm } from "../../src/forecast/store/lstm_store.ts";
import { modelDir, safeName } from "../../src/forecast/store/paths.ts";
import { InputError } from "../../src/io/errors.ts";
import { assert, assertEquals, assertRejects } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { contextFor, weeklySeries } from "./series_fixtures.ts";

const history = contextFor("sales", weeklySeries(140), undefined, "P/1");

function job(root: string, mode: "reuse" | "retrain", values = history.values): ForecastJob {
  return {
    kind: "forecast",
    model: "lstm",
    history: { ...history, values, sales: values },
    horizon: 14,
    seed: 3,
    store: { root, mode },
    epochs: 3,
  };
}

Deno.test("a saved LSTM is reused while its data is unchanged and retrained when it changes", async () => {
  const dir = await tempDir();
  try {
    const trained = await runJob(job(dir.path, "reuse")) as ForecastOutcome;
    assertEquals(trained.source, "trained");
    const loaded = await runJob(job(dir.path, "reuse")) as ForecastOutcome;
    assertEquals(loaded.source, "loaded");
    assertEquals(
      Array.from(loaded.forecast.mean),
      Array.from(trained.forecast.mean),
      "same forecast",
    );
    const changed = Float64Array.from(history.values, (v, i) => (i === 10 ? v + 1 : v));
    assertEquals(
      (await runJob(job(dir.path, "reuse", changed)) as ForecastOutcome).source,
      "trained",
    );
    assertEquals(
      (await runJob(job(dir.path, "retrain", changed)) as ForecastOutcome).source,
      "trained",
    );
    const files = [...Deno.readDirSync(modelDir(dir.path, "P/1", "sales", "lstm"))].map((e) =>
      e.name
    ).sort();
    assertEquals(files, ["metadata.json", "model.json", "weights.bin"]);
    const metadata = JSON.parse(
      await Deno.readTextFile(`${modelDir(dir.path, "P/1", "sales", "lstm")}/metadata.json`),
    );
    for (const key of ["model", "state", "trainingSpan", "fingerprint", "version", "members"]) {
      assert(key in metadata, `metadata has ${key}`);
    }
    assertEquals(metadata.state.seed, 3);
    assertEquals(metadata.state.config.lstmUnits, [32]);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a damaged model directory is a clear error naming it and how to retrain", async () => {
  const dir = await tempDir();
  try {
    await runJob(job(dir.path, "reuse"));
    const modelPath = modelDir(dir.path, "P/1", "sales", "lstm");
    const weights = await Deno.readFile(`${modelPath}/weights.bin`);
    await Deno.writeFile(`${modelPath}/weights.bin`, weights.subarray(0, 100));
    await assertRejects(
      () => runJob(job(dir.path, "reuse")),
      InputError,
      modelPath,
      "damaged",
      "deno task train",
    );
    await Deno.writeTextFile(`${modelPath}/metadata.json`, "{not json");
    await assertRejects(
      () => loadLstm(modelPath, "retrain it"),
      InputError,
      "damaged",
      "retrain it",
    );
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a save interrupted between its renames leaves the previous model usable", async () => {
  const dir = await tempDir();
  try {
    await runJob(job(dir.path, "reuse"));
    const modelPath = modelDir(dir.path, "P/1", "sales", "lstm");
    await Deno.rename(modelPath, `${modelPath}.old-abc123`); // as if the new copy never arrived
    const again = await runJob(job(dir.path, "reuse")) as ForecastOutcome;
    assertEquals(again.source, "loaded");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("product ids become safe, distinct directory names", () => {
  assertEquals(safeName("85123A"), "85123A");
  assertEquals(safeName("../x"), ".2e.2e.2fx");
  assert(safeName("a b") !== safeName("a_b"));
  assertEquals(safeName(""), ".empty");
});

Deno.test("a train-only global job saves the model and forecasts nothing; the next job loads it", async () => {
  const dir = await tempDir();
  try {
    const histories = ["A", "B"].map((id, k) =>
      contextFor("sales", weeklySeries(140, 30 + 10 * k, k + 1), undefined, id)
    );
    const global = (trainOnly: boolean): GlobalForecastJob => ({
      kind: "forecast-global",
      model: "lstm-global",
      histories,
      horizon: 14,
      seed: 3,
      store: { root: dir.path, mode: "reuse" },
      epochs: 2,
      trainOnly,
    });
    assertEquals(await runJob(global(true)), []);
    const outcomes = await runJob(global(false)) as ForecastOutcome[];
    assertEquals(outcomes.map((o) => o.productId), ["A", "B"]);
    assert(outcomes.every((o) => o.source === "loaded"), "the saved global model is loaded");
  } finally {
    await dir.cleanup();
  }
});
