import {
  type ForecastOutcome,
  type GlobalBacktestJob,
  type GlobalForecastJob,
  runJob,
} from "../../src/forecast/jobs.ts";
import type { SeriesBacktest } from "../../src/forecast/backtest/series.ts";
import { globalModelDir } from "../../src/forecast/store/obtain.ts";
import { formatIsoDay } from "../../src/data/dates.ts";
import { loadLstm } from "../../src/forecast/store/lstm_store.ts";
import { modelDir, safeName } from "../../src/forecast/store/paths.ts";
import { InputError } from "../../src/io/errors.ts";
import { assert, assertEquals, assertRejects } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { contextFor, MONDAY, weeklySeries } from "./series_fixtures.ts";
import { history, job, run, withStderr } from "./store_fixtures.ts";

Deno.test("a saved LSTM is reused while its data is unchanged and retrained when it changes", async () => {
  const dir = await tempDir();
  try {
    const trained = await run(job(dir.path, "reuse"));
    assertEquals(trained.source, "trained");
    const loaded = await run(job(dir.path, "reuse"));
    assertEquals(loaded.source, "loaded");
    assertEquals(
      Array.from(loaded.forecast.mean),
      Array.from(trained.forecast.mean),
      "same forecast",
    );
    const changed = Float64Array.from(history.values, (v, i) => (i === 10 ? v + 1 : v));
    assertEquals(
      (await run(job(dir.path, "reuse", "P/1", changed))).source,
      "trained",
    );
    assertEquals(
      (await run(job(dir.path, "retrain", "P/1", changed))).source,
      "trained",
    );
    const files = [...Deno.readDirSync(modelDir(dir.path, "P/1", "sales", "lstm"))].map((e) =>
      e.name
    ).sort();
    assertEquals(files, ["checksums.json", "metadata.json", "model.json", "weights.bin"]);
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

Deno.test("a damaged model directory is retrained with a line naming it; loadLstm says how to retrain", async () => {
  const dir = await tempDir();
  try {
    await runJob(job(dir.path, "reuse"));
    const modelPath = modelDir(dir.path, "P/1", "sales", "lstm");
    const weights = await Deno.readFile(`${modelPath}/weights.bin`);
    await Deno.writeFile(`${modelPath}/weights.bin`, weights.subarray(0, 100));
    const { value, lines } = await withStderr(() => run(job(dir.path, "reuse")));
    assertEquals(value.source, "trained");
    assertEquals(lines, [
      `saved model ${modelPath} was changed since it was saved (weights.bin checksum); retraining`,
    ]);
    assertEquals((await run(job(dir.path, "reuse"))).source, "loaded", "the new model is intact");
    await Deno.remove(`${modelPath}/weights.bin`);
    await assertRejects(
      () => loadLstm(modelPath, "retrain it"),
      InputError,
      modelPath,
      "is damaged (weights.bin is missing)",
      "retrain it",
    );
    const again = await withStderr(() => run(job(dir.path, "reuse")));
    assertEquals(again.value.source, "trained");
    assertEquals(again.lines, [
      `saved model ${modelPath} is damaged (weights.bin is missing); retraining`,
    ]);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a save interrupted between its renames leaves the previous model usable", async () => {
  const dir = await tempDir();
  try {
    await runJob(job(dir.path, "reuse"));
    const modelPath = modelDir(dir.path, "P/1", "sales", "lstm");
    await Deno.rename(modelPath, `${modelPath}.returncast-old-abc123abc123`); // the new copy never arrived
    assertEquals((await run(job(dir.path, "reuse"))).source, "loaded");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("the old layout's directory names stay as they were (to find old models)", () => {
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

Deno.test("a train-only global backtest saves its networks; the next one loads them and scores the same", async () => {
  const dir = await tempDir();
  try {
    const series = ["A", "B"].map((id, k) =>
      contextFor("sales", weeklySeries(160, 30 + 10 * k, k + 1), undefined, id)
    );
    // A young product: too short at the first cutoff, so its first window asks for a network
    // trained at the second.
    series.push({
      ...contextFor("sales", weeklySeries(150, 20, 9), undefined, "C"),
      start: MONDAY + 10,
    });
    const cutoffs = [MONDAY + 120, MONDAY + 127, MONDAY + 134];
    const backtest = (options: Partial<GlobalBacktestJob>): GlobalBacktestJob => ({
      kind: "backtest-global",
      model: "lstm-global",
      series,
      plan: {
        horizon: 14,
        cutoffs,
        refitEvery: 4,
        networkRefitEvery: 0,
        intervals: "past-windows",
      },
      seed: 3,
      ...options,
    });
    const unsaved = await runJob(backtest({})) as SeriesBacktest[];
    const store = { root: dir.path, mode: "reuse" as const };
    assertEquals(await runJob(backtest({ store, trainOnly: true })), []);
    for (const cutoff of cutoffs.slice(0, 2)) {
      const saved = globalModelDir(dir.path, "sales", `lstm-global@${formatIsoDay(cutoff)}`);
      assert(
        (await Deno.stat(`${saved}/weights.bin`)).isFile,
        `the network at ${formatIsoDay(cutoff)}`,
      );
    }
    let epochs = 0;
    const loaded = await runJob(backtest({ store }), () => epochs++) as SeriesBacktest[];
    assertEquals(epochs, 0, "both networks loaded, none trained again");
    const numbers = (results: SeriesBacktest[]) =>
      results.map((r) => r.windows.map((w) => [w.cutoff, ...w.forecast.mean, ...w.forecast.hi95]));
    assertEquals(loaded.map((r) => r.windows.length), [3, 3, 2]);
    assertEquals(
      numbers(loaded),
      numbers(unsaved),
      "the same windows as networks trained in place",
    );
  } finally {
    await dir.cleanup();
  }
});
