import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { parseCsvRows } from "../../src/data/csv.ts";
import { modelDir } from "../../src/forecast/store/paths.ts";

async function demoData(dir: string): Promise<string> {
  const data = `${dir}/d.csv`;
  const made = await runCli([
    "generate",
    "--products",
    "2",
    "--days",
    "200",
    "--quiet",
    "--out",
    data,
  ]);
  assertEquals(made.code, 0, made.stderr);
  return data;
}

Deno.test("train saves the LSTMs; forecast reuses them and writes the forecast CSV", async () => {
  const dir = await tempDir();
  try {
    const data = await demoData(dir.path);
    const models = `${dir.path}/models`;
    const trained = await runCli([
      "train",
      "--data",
      data,
      "--epochs",
      "2",
      "--models-dir",
      models,
    ]);
    assertEquals(trained.code, 0, trained.stderr);
    assertIncludes(trained.stdout, modelDir(models, "P001", "returns", "lstm"));
    assertIncludes(trained.stderr, "train lstm: 2 products");
    const out = `${dir.path}/forecast.csv`;
    const run = await runCli([
      "forecast",
      "--data",
      data,
      "--model",
      "lstm",
      "--horizon",
      "14",
      "--models-dir",
      models,
      "--out",
      out,
    ]);
    assertEquals(run.code, 0, run.stderr);
    assertIncludes(run.stderr, "lstm P001 sales (loaded)");
    assertIncludes(run.stderr, "lstm P002 returns (loaded)");
    const otherSeed = await runCli([
      "forecast",
      "--data",
      data,
      "--model",
      "lstm",
      "--horizon",
      "14",
      "--seed",
      "7",
      "--models-dir",
      models,
      "--out",
      out,
    ]);
    assertIncludes(otherSeed.stderr, "lstm P001 sales (trained)");
    const rows = parseCsvRows(await Deno.readTextFile(out));
    assertEquals(rows[0], [
      "product_id",
      "target",
      "model",
      "date",
      "forecast",
      "lo80",
      "hi80",
      "lo95",
      "hi95",
    ]);
    assertEquals(rows.length - 1, 2 * 2 * 14);
    assertEquals(rows[1].slice(0, 4), ["P001", "sales", "lstm", "2023-07-20"]);
    for (const row of rows.slice(1)) {
      const [mean, lo80, hi80, lo95, hi95] = row.slice(4).map(Number);
      assert(lo95 <= lo80 && lo80 <= hi80 && hi80 <= hi95 && mean >= 0, row.join(","));
    }
  } finally {
    await dir.cleanup();
  }
});

Deno.test("forecast --model auto picks per product and target; horizon limits are enforced", async () => {
  const dir = await tempDir();
  try {
    const data = await demoData(dir.path);
    const bad = await runCli(["forecast", "--data", data, "--horizon", "91"]);
    assertEquals(bad.code, 2);
    assertIncludes(bad.stderr, "--horizon must be a whole number from 7 to 90");
    const run = await runCli([
      "forecast",
      "--data",
      data,
      "--models",
      "snaive7,ma28,ets,lag",
      "--horizon",
      "7",
      "--quiet",
    ]);
    assertEquals(run.code, 0, run.stderr);
    const rows = parseCsvRows(run.stdout);
    assertEquals(rows.length - 1, 2 * 2 * 7);
    const models = new Set(rows.slice(1).map((r) => r[2]));
    assert(
      [...models].every((m) => ["snaive7", "ma28", "ets", "lag"].includes(m)),
      [...models].join(),
    );
  } finally {
    await dir.cleanup();
  }
});

Deno.test("backtest writes the CSV, summary.json and a leaderboard", async () => {
  const dir = await tempDir();
  try {
    const data = await demoData(dir.path);
    const out = `${dir.path}/bt/backtest.csv`;
    const run = await runCli([
      "backtest",
      "--data",
      data,
      "--horizon",
      "14",
      "--windows",
      "2",
      "--step",
      "14",
      "--models",
      "snaive7,ets,lag",
      "--out",
      out,
    ]);
    assertEquals(run.code, 0, run.stderr);
    assertIncludes(run.stdout, "RMSSE");
    const summary = JSON.parse(await Deno.readTextFile(`${dir.path}/bt/summary.json`));
    assertEquals(summary.parameters.cutoffs, ["2023-06-21", "2023-07-05"]);
    assertEquals(summary.choices.length, 4);
    const rows = parseCsvRows(await Deno.readTextFile(out));
    assertEquals(rows[0].slice(-2), ["cutoff", "actual"]);
    const unknown = await runCli(["backtest", "--data", data, "--models", "prophet", "--out", out]);
    assertEquals(unknown.code, 2);
    assertIncludes(unknown.stderr, 'unknown model "prophet"');
  } finally {
    await dir.cleanup();
  }
});

Deno.test("forecast retrains a saved model that was changed or damaged, with a line naming it", async () => {
  const dir = await tempDir();
  try {
    const data = await demoData(dir.path);
    const models = `${dir.path}/models`;
    const args = [
      "forecast",
      "--data",
      data,
      "--products",
      "P001",
      "--model",
      "lstm",
      "--horizon",
      "7",
      "--seed",
      "5",
      "--models-dir",
      models,
      "--out",
      `${dir.path}/f.csv`,
    ];
    assertEquals((await runCli(args)).code, 0);
    const sales = modelDir(models, "P001", "sales", "lstm");
    const metadata = JSON.parse(await Deno.readTextFile(`${sales}/metadata.json`));
    metadata.members[0].bias *= 5; // forecasts 5× too high, if it were used
    await Deno.writeTextFile(`${sales}/metadata.json`, JSON.stringify(metadata, null, 2));
    const returns = modelDir(models, "P001", "returns", "lstm");
    await Deno.writeTextFile(`${returns}/model.json`, "garbage");
    const rerun = await runCli(args);
    assertEquals(rerun.code, 0, rerun.stderr);
    assertIncludes(
      rerun.stderr,
      `saved model ${sales} was changed since it was saved (metadata.json checksum); retraining`,
    );
    assertIncludes(
      rerun.stderr,
      `saved model ${returns} was changed since it was saved (model.json checksum); retraining`,
    );
    assertIncludes(rerun.stderr, "lstm P001 sales (trained)");
    assertIncludes(rerun.stderr, "lstm P001 returns (trained)");
    assert(!rerun.stderr.includes("error"), rerun.stderr);
    const again = await runCli(args);
    assertIncludes(again.stderr, "lstm P001 sales (loaded)");
    assertIncludes(again.stderr, "lstm P001 returns (loaded)");
    assert(!again.stderr.includes("saved model"), again.stderr);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a product too young for lstm-global gets a simpler model; the others keep the network", async () => {
  const dir = await tempDir();
  try {
    const full = await demoData(dir.path); // 2 products × 200 days
    // P003 is in the file from the first day but sells from 2023-05-20 on: 61 days since its
    // launch, under lstm-global's 114 (the models fit on the days since launch).
    const young = "2023-05-20";
    const extra = (await Deno.readTextFile(full)).trim().split("\n").slice(1)
      .filter((line) => line.includes(",P001,"))
      .map((line) =>
        line.slice(0, 10) >= young
          ? line.replace(",P001,", ",P003,")
          : `${line.slice(0, 10)},P003,0,0`
      );
    const data = `${dir.path}/young.csv`;
    await Deno.writeTextFile(
      data,
      `${(await Deno.readTextFile(full)).trim()}\n${extra.join("\n")}\n`,
    );
    const out = `${dir.path}/f.csv`;
    const run = await runCli([
      "forecast",
      "--data",
      data,
      "--models",
      "lstm-global,lag",
      "--horizon",
      "14",
      "--models-dir",
      `${dir.path}/models`,
      "--out",
      out,
    ]);
    assertEquals(run.code, 0, run.stderr);
    const models = new Map<string, string>();
    for (const r of parseCsvRows(await Deno.readTextFile(out)).slice(1)) {
      models.set(`${r[0]} ${r[1]}`, r[2]);
    }
    assertEquals(models.size, 6, "every product and target forecast");
    assert(models.get("P003 sales") !== "lstm-global", "the young product falls back");
    assertIncludes(run.stderr, "P003 sales: snaive7 — history too short to backtest");
    assert(
      [...models].some(([key, model]) => key.endsWith("sales") && model === "lstm-global"),
      `the network still forecasts the older products: ${[...models]}`,
    );
    // Asked for by name, the network is a one-line error naming the product.
    const named = await runCli([
      ...["forecast", "--data", data, "--model", "lstm-global", "--horizon", "14"],
      ...["--models-dir", `${dir.path}/models`, "--out", `${dir.path}/named.csv`],
    ]);
    assertEquals(named.code, 2, named.stderr);
    assertIncludes(named.stderr, 'needs at least 114 days of history, and product "P003" has 61');
    // A first job with no product long enough has nothing to train.
    const short = await runCli([
      ...["plan", "--data", data, "--products", "P003", "--models", "lstm-global,lag"],
      ...["--networks-only", "--models-dir", `${dir.path}/short`, "--quiet"],
    ]);
    assertEquals(short.code, 0, short.stderr);
    assertIncludes(short.stdout, "nothing to train");
    assertIncludes(short.stdout, "no product has the days of history it needs (lstm-global: 114)");
  } finally {
    await dir.cleanup();
  }
});
