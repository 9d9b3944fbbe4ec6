/**
 * Sharded runs merged equal one run: the products split across machines (plan --shard K/N), merged
 * (merge), and rendered (report --from) give the same files, byte for byte, as a single run; and
 * the rendered report is the one `report` makes itself.
 */

import { readText } from "../../src/io/read_text.ts";
import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";

const FILES = [
  "forecast.csv",
  "backtest.csv.gz",
  "plan.csv",
  "plan_daily.csv",
  "alerts.csv",
  "simulation.json",
  "summary.json",
];

Deno.test("plan --shard 1/3, 2/3, 3/3 merged equals plan on all products; report --from renders it as report would", async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/d.csv`;
    assertEquals(
      (await runCli(["generate", "--products", "5", "--days", "240", "--quiet", "--out", data]))
        .code,
      0,
    );
    const common = [
      "--data",
      data,
      "--models",
      "snaive7,ma28,ets,lag,lstm",
      "--simulate",
      "--quiet",
    ];
    const whole = await runCli([
      "plan",
      ...common,
      "--models-dir",
      `${dir.path}/m-whole`,
      "--out",
      `${dir.path}/whole`,
    ]);
    assertEquals(whole.code, 0, whole.stderr);
    const shards: string[] = [];
    for (const k of [1, 2, 3]) {
      const out = `${dir.path}/shard-${k}`;
      const run = await runCli([
        "plan",
        ...common,
        "--shard",
        `${k}/3`,
        "--models-dir",
        `${dir.path}/m-shards`,
        "--out",
        out,
      ]);
      assertEquals(run.code, 0, run.stderr);
      shards.push(out);
    }
    const merged = await runCli([
      "merge",
      "--data",
      data,
      "--from",
      shards.join(","),
      "--out",
      `${dir.path}/merged`,
    ]);
    assertEquals(merged.code, 0, merged.stderr);
    assertIncludes(merged.stdout, "(5 products)");
    for (const file of FILES) {
      assertEquals(
        await Deno.readTextFile(`${dir.path}/merged/${file}`),
        await Deno.readTextFile(`${dir.path}/whole/${file}`),
        file,
      );
    }
    const fromMerged = await runCli([
      "report",
      "--data",
      data,
      "--from",
      `${dir.path}/merged`,
      "--no-pdf",
      "--quiet",
      "--out",
      `${dir.path}/r1`,
    ]);
    const fromWhole = await runCli([
      "report",
      "--data",
      data,
      "--from",
      `${dir.path}/whole`,
      "--no-pdf",
      "--quiet",
      "--out",
      `${dir.path}/r2`,
    ]);
    assertEquals(fromMerged.code, 0, fromMerged.stderr);
    assertEquals(fromWhole.code, 0, fromWhole.stderr);
    assertEquals(
      await Deno.readTextFile(`${dir.path}/r1/report.html`),
      await Deno.readTextFile(`${dir.path}/r2/report.html`),
    );
    // Rendering the files back gives the report the run itself makes (backtest leaderboards,
    // choices and simulation included): nothing is lost reading backtest.csv.
    const direct = await runCli([
      "report",
      ...common.filter((flag) => flag !== "--simulate"), // report always simulates
      "--models-dir",
      `${dir.path}/m-whole`,
      "--no-pdf",
      "--out",
      `${dir.path}/r0`,
    ]);
    assertEquals(direct.code, 0, direct.stderr);
    assertEquals(
      await Deno.readTextFile(`${dir.path}/r2/report.html`),
      await Deno.readTextFile(`${dir.path}/r0/report.html`),
    );
  } finally {
    await dir.cleanup();
  }
});

/** Every file under `dir` with its modification time, sorted by path. */
async function fileTimes(dir: string): Promise<[string, number][]> {
  const times: [string, number][] = [];
  const walk = async (path: string): Promise<void> => {
    for await (const entry of Deno.readDir(path)) {
      const child = `${path}/${entry.name}`;
      if (entry.isDirectory) await walk(child);
      else times.push([child, (await Deno.stat(child)).mtime!.getTime()]);
    }
  };
  await walk(dir);
  return times.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}

Deno.test("lstm-global sharded: a first job trains the networks once on all products, the shards and a single run load them, and the merge equals the single run", async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/d.csv`;
    assertEquals(
      (await runCli(["generate", "--products", "4", "--days", "450", "--quiet", "--out", data]))
        .code,
      0,
    );
    // Only the global network for sales: every product's sales use it, so a shard's final
    // forecasts come from the network of all products too.
    const models = `${dir.path}/models`;
    const common = [
      "--data",
      data,
      "--models",
      "lstm-global,lag",
      "--quiet",
      "--models-dir",
      models,
    ];
    const first = await runCli(["plan", ...common, "--networks-only"]);
    assertEquals(first.code, 0, first.stderr);
    assertIncludes(first.stdout, "saved lstm-global");
    const trained = await fileTimes(models);
    assert(trained.some(([path]) => path.includes("/.all/sales/lstm-global@")), "saved");
    const shards = [1, 2].map((k) => `${dir.path}/shard-${k}`);
    const runs = await Promise.all(
      shards.map((out, i) =>
        runCli(["plan", ...common, "--simulate", "--shard", `${i + 1}/2`, "--out", out])
      ),
    );
    for (const run of runs) assertEquals(run.code, 0, run.stderr);
    // A shard's networks train on every product: had they trained on the shard's own, their
    // fingerprints would differ from the first job's and the shards would have retrained.
    assertEquals(await fileTimes(models), trained, "the shards loaded the networks");
    const whole = await runCli(["plan", ...common, "--simulate", "--out", `${dir.path}/whole`]);
    assertEquals(whole.code, 0, whole.stderr);
    assertEquals(await fileTimes(models), trained, "the single run loaded them too");
    assertIncludes(await Deno.readTextFile(`${dir.path}/whole/forecast.csv`), "sales,lstm-global");
    const merged = await runCli([
      "merge",
      "--data",
      data,
      "--from",
      shards.join(","),
      "--out",
      `${dir.path}/merged`,
    ]);
    assertEquals(merged.code, 0, merged.stderr);
    for (const file of FILES) {
      const read = (run: string) =>
        file.endsWith(".gz") ? readText(`${run}/${file}`) : Deno.readTextFile(`${run}/${file}`);
      assertEquals(await read(`${dir.path}/merged`), await read(`${dir.path}/whole`), file);
    }
  } finally {
    await dir.cleanup();
  }
});

/**
 * `plan` on all products (`DIR/whole`) and on shards 1/2 and 2/2 at once, the shards merged
 * (`DIR/merged`), all with the same `args`; every command must succeed.
 */
async function wholeAndMerged(
  dir: string,
  data: string,
  args: readonly string[],
): Promise<{ whole: string; merged: string }> {
  const plan = (out: string, ...extra: string[]) =>
    runCli(["plan", "--data", data, ...args, "--quiet", ...extra, "--out", out]);
  const runs = await Promise.all([
    plan(`${dir}/whole`),
    plan(`${dir}/s1`, "--shard", "1/2"),
    plan(`${dir}/s2`, "--shard", "2/2"),
  ]);
  for (const run of runs) assertEquals(run.code, 0, run.stderr);
  const merged = await runCli([
    ...["merge", "--data", data, "--from", `${dir}/s1,${dir}/s2`, "--out", `${dir}/merged`],
  ]);
  assertEquals(merged.code, 0, merged.stderr);
  return { whole: `${dir}/whole`, merged: `${dir}/merged` };
}

Deno.test("plan --shard with light models only: the returns anchor pools what a single run pools (each window's sales from the model chosen before it)", async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/d.csv`;
    assertEquals(
      (await runCli(["generate", "--products", "5", "--days", "600", "--quiet", "--out", data]))
        .code,
      0,
    );
    const { whole, merged } = await wholeAndMerged(dir.path, data, [
      ...["--models", "naive,snaive7,ma28,croston,tsb,ets,lag", "--simulate"],
    ]);
    assertEquals(
      await Deno.readTextFile(`${merged}/summary.json`),
      await Deno.readTextFile(`${whole}/summary.json`),
    );
  } finally {
    await dir.cleanup();
  }
});

Deno.test("order lines with --large-order-units: the merged shards equal a single run (errors scaled by the shelf's demand since launch)", async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/or.csv`;
    const imported = await runCli([
      ...["import", "--transactions", "data/fixtures/online_retail_10.csv.gz"],
      ...["--drop-mega-orders", "--out", data],
    ]);
    assertEquals(imported.code, 0, imported.stderr);
    const { whole, merged } = await wholeAndMerged(dir.path, data, [
      ...["--models", "naive,snaive7,ma28,lag", "--large-order-units", "100"],
    ]);
    for (const file of ["summary.json", "alerts.csv", "plan.csv"]) {
      assertEquals(
        await Deno.readTextFile(`${merged}/${file}`),
        await Deno.readTextFile(`${whole}/${file}`),
        file,
      );
    }
  } finally {
    await dir.cleanup();
  }
});

Deno.test("merge refuses overlapping shards; a global model cannot be trained in shards; --networks-only, --out and empty-shard misuse; a damaged backtest.csv is named", async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/d.csv`;
    assertEquals(
      (await runCli(["generate", "--products", "3", "--days", "150", "--quiet", "--out", data]))
        .code,
      0,
    );
    const out = `${dir.path}/a`;
    assertEquals(
      (await runCli(["plan", "--data", data, "--models", "snaive7", "--quiet", "--out", out])).code,
      0,
    );
    const twice = await runCli([
      "merge",
      "--data",
      data,
      "--from",
      `${out},${out}`,
      "--out",
      `${dir.path}/m`,
    ]);
    assertEquals(twice.code, 2);
    assertIncludes(twice.stderr, "merge disjoint shards");
    // A shard whose backtest holds another shard's products is named, not read as its own.
    const shards = [1, 2].map((k) => `${dir.path}/shard${k}`);
    for (const [k, shard] of shards.entries()) {
      const made = await runCli([
        ...["plan", "--data", data, "--models", "snaive7", "--shard", `${k + 1}/2`, "--quiet"],
        ...["--out", shard],
      ]);
      assertEquals(made.code, 0, made.stderr);
    }
    await Deno.copyFile(`${shards[1]}/backtest.csv.gz`, `${shards[0]}/backtest.csv.gz`);
    const crossed = await runCli([
      ...["merge", "--data", data, "--from", shards.join(","), "--out", `${dir.path}/m`],
    ]);
    assertEquals(crossed.code, 2, crossed.stderr);
    assertIncludes(crossed.stderr, `${shards[0]}: holds backtest rows of product`);
    assertIncludes(crossed.stderr, `which is ${shards[1]}'s`);
    assertEquals(crossed.stderr.trim().split("\n").length, 1, crossed.stderr);
    const global = await runCli([
      "train",
      "--data",
      data,
      "--model",
      "lstm-global",
      "--shard",
      "1/2",
    ]);
    assertEquals(global.code, 2);
    assertIncludes(global.stderr, "lstm-global trains one model across all products");
    // The first job of a sharded run trains on all products, and only global networks.
    const firstOfShard = await runCli([
      ...["plan", "--data", data, "--models", "lstm-global", "--networks-only", "--shard", "1/2"],
    ]);
    assertEquals(firstOfShard.code, 2);
    assertIncludes(firstOfShard.stderr, "leave out --shard");
    const noNetwork = await runCli([
      ...["plan", "--data", data, "--models", "snaive7", "--networks-only", "--quiet"],
    ]);
    assertEquals(noNetwork.code, 0, noNetwork.stderr);
    assertIncludes(noNetwork.stdout, "nothing to train");
    const noOut = await runCli(["plan", "--data", data, "--models", "snaive7", "--quiet"]);
    assertEquals(noOut.code, 2);
    assertIncludes(noOut.stderr, "--out is required");
    // More shards than products leaves some empty: a one-line error naming the shards that have some.
    const empty = await runCli([
      ...["plan", "--data", data, "--models", "snaive7", "--shard", "7/8", "--quiet"],
      ...["--out", `${dir.path}/empty`],
    ]);
    assertEquals(empty.code, 2, empty.stderr);
    assertIncludes(empty.stderr, "--shard 7/8: no product of");
    assertIncludes(empty.stderr, "fall in shards 3, 5, 8 of 8");
    assertEquals(empty.stderr.trim().split("\n").length, 1, empty.stderr);
    // A backtest that lost a column is a one-line error naming the file, not a crash; an
    // earlier run's plain backtest.csv is read where there is no backtest.csv.gz.
    const text = await readText(`${out}/backtest.csv.gz`);
    await Deno.remove(`${out}/backtest.csv.gz`);
    const backtestCsv = `${out}/backtest.csv`;
    await Deno.writeTextFile(backtestCsv, text.replace("lo95,hi95", "low95,hi95"));
    const damaged = await runCli([
      "report",
      "--data",
      data,
      "--from",
      out,
      "--no-pdf",
      "--quiet",
      "--out",
      `${dir.path}/r`,
    ]);
    assertEquals(damaged.code, 2, damaged.stderr);
    assertIncludes(damaged.stderr, "backtest.csv");
    assertIncludes(damaged.stderr, "no lo95 column");
    assertEquals(damaged.stderr.trim().split("\n").length, 1, damaged.stderr);
  } finally {
    await dir.cleanup();
  }
});
