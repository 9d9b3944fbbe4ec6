/**
 * What an adversarial review of issue 12 found, each fixed and kept fixed: concurrent runs, data
 * from another file, out-of-range dates, forged terminal lines, negative flag values, empty lists,
 * and short histories that must fall back rather than fail.
 */
import { basename, join } from "node:path";
import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { acquireLock, releaseLock } from "../../src/io/lock.ts";
import { exists } from "../../src/io/write_dir_atomic.ts";
import { formatTable } from "../../src/util/table.ts";
import { formatSummary, summarise } from "../../src/data/summary.ts";
import { parseDaily } from "../../src/data/parse_daily.ts";
import { InputError } from "../../src/io/errors.ts";
import { parseIsoDay, parseOutputDay } from "../../src/data/dates.ts";
import { defaultReportDir } from "../../src/config/run_config.ts";

const BASELINES = ["--models", "naive,snaive7,ma28"];

/** A short daily CSV of one product (`days` days from 2024-01-01). */
function shortData(days: number, start = "2024-01-01"): string {
  const first = parseIsoDay(start)!;
  const rows = ["date,product_id,sales,returns"];
  for (let d = 0; d < days; d++) {
    const date = new Date((first + d) * 86_400_000).toISOString().slice(0, 10);
    rows.push(`${date},P1,${(d * 7) % 9},${d % 5 === 0 ? 1 : 0}`);
  }
  return rows.join("\n") + "\n";
}

Deno.test("a run on an output another run holds stops at once, naming it, and touches nothing", async () => {
  const root = await tempDir();
  try {
    const data = join(root.path, "d.csv");
    assertEquals((await runCli(["generate", "--days", "120", "--out", data])).code, 0);
    const out = join(root.path, "plan");
    await acquireLock(out, "report");
    try {
      const second = await runCli(["plan", "--data", data, ...BASELINES, "--out", out]);
      assertEquals(second.code, 2, second.stderr);
      assertIncludes(second.stderr, "another Returncast run (report, process");
      assert(!(await exists(out)), "nothing written");
    } finally {
      await releaseLock(out);
    }
    const free = await runCli(["plan", "--data", data, ...BASELINES, "--out", out]);
    assertEquals(free.code, 0, free.stderr);
    const left = [...Deno.readDirSync(root.path)].map((e) => e.name).sort();
    assertEquals(left, [".returncast-files.json", "d.csv", "plan"], "no lock or swap left");
  } finally {
    await root.cleanup();
  }
});

Deno.test("merge and report --from refuse outputs made from other data", async () => {
  const root = await tempDir();
  try {
    const data = join(root.path, "d.csv");
    const other = join(root.path, "e.csv");
    assertEquals((await runCli(["generate", "--days", "120", "--out", data])).code, 0);
    assertEquals(
      (await runCli(["generate", "--days", "120", "--seed", "7", "--out", other])).code,
      0,
    );
    const plan = join(root.path, "plan");
    assertEquals((await runCli(["plan", "--data", data, ...BASELINES, "--out", plan])).code, 0);
    const merged = await runCli(["merge", "--data", other, "--from", plan, "--out", `${plan}-m`]);
    assertEquals(merged.code, 2, merged.stderr);
    assertIncludes(merged.stderr, "was made from other data (d.csv");
    const report = await runCli([
      "report",
      "--data",
      other,
      "--from",
      plan,
      "--no-pdf",
      "--out",
      `${plan}-r`,
    ]);
    assertEquals(report.code, 2, report.stderr);
    assertIncludes(report.stderr, "pass the data the run was made from");
  } finally {
    await root.cleanup();
  }
});

Deno.test("auto and --model zero fall back on a 10-day history instead of failing", async () => {
  const root = await tempDir();
  try {
    const data = join(root.path, "short.csv");
    await Deno.writeTextFile(data, shortData(10));
    for (const model of ["auto", "zero"]) {
      const run = await runCli(["forecast", "--data", data, "--model", model, "--horizon", "7"]);
      assertEquals(run.code, 0, `${model}: ${run.stderr}`);
      assertEquals(run.stdout.trim().split("\n").length, 1 + 2 * 7, model);
      assert(!run.stderr.includes("--windows"), "no hint about flags forecast lacks");
    }
  } finally {
    await root.cleanup();
  }
});

Deno.test("negative flag values and empty lists are usage errors that say what is allowed", async () => {
  const negative = await runCli(["plan", "--holding-cost", "-1", "--out", "/tmp/never"]);
  assertEquals(negative.code, 2, negative.stderr);
  assertIncludes(negative.stderr, "--holding-cost must be a number from 0 to");
  assertIncludes(negative.stderr, 'got "-1"');
  const empty = await runCli(["backtest", "--models", "", "--out", "/tmp/never.csv"]);
  assertEquals(empty.code, 2, empty.stderr);
  assertIncludes(empty.stderr, "--models must list at least one value");
  const long = await runCli(["plan", `--${"x".repeat(5000)}`]);
  assertEquals(long.code, 2);
  assert(long.stderr.length < 400, "an unknown flag is quoted in part");
});

Deno.test("dates stay in range: generate refuses to run past 2199, outputs read a century more", async () => {
  const late = await runCli([
    "generate",
    "--start",
    "2199-12-01",
    "--days",
    "60",
    "--out",
    "/tmp/x",
  ]);
  assertEquals(late.code, 2, late.stderr);
  assertIncludes(late.stderr, "ends after 2199-12-31");
  assertEquals(parseIsoDay("2200-01-05"), undefined, "data stops at 2199-12-31");
  assertEquals(parseOutputDay("2200-01-05"), parseIsoDay("2199-12-31")! + 5);
  const root = await tempDir();
  try {
    const data = join(root.path, "late.csv");
    await Deno.writeTextFile(data, shortData(120, "2199-09-03"));
    const plan = join(root.path, "plan");
    const made = await runCli(["plan", "--data", data, ...BASELINES, "--out", plan]);
    assertEquals(made.code, 0, made.stderr);
    assertIncludes(await Deno.readTextFile(join(plan, "forecast.csv")), "2200-01-");
    const merged = await runCli(["merge", "--data", data, "--from", plan, "--out", `${plan}-m`]);
    assertEquals(merged.code, 0, merged.stderr);
  } finally {
    await root.cleanup();
  }
});

Deno.test("ids cannot forge terminal lines; returns without sales have an n/a rate", () => {
  const table = formatTable(["product", "n"], [["P1\nwrote /etc/passwd", "1"]]);
  assertEquals(table.split("\n").length, 3, "one line per row");
  assertIncludes(table, "P1\\nwrote");
  const set = parseDaily("date,product_id,sales,returns\n2024-01-01,R,0,3\n", "r.csv");
  const summary = summarise(set);
  assertEquals(summary.products[0].returnRate, undefined);
  assertIncludes(formatSummary(summary), "n/a");
});

Deno.test("a repeated daily row is an error at its own line, not after the whole file", () => {
  const rows = ["date,product_id,sales,returns", ...Array(5).fill("2024-01-01,P,1,0")];
  let error: unknown;
  try {
    parseDaily(rows.join("\n"), "bomb.csv");
  } catch (e) {
    error = e;
  }
  assert(error instanceof InputError);
  assertIncludes(error.message, "bomb.csv:3");
  assertIncludes(error.message, "first on line 2");
});

Deno.test("order lines whose day total passes 10^12 units are refused", async () => {
  const root = await tempDir();
  try {
    const lines = join(root.path, "lines.csv");
    await Deno.writeTextFile(
      lines,
      "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n" +
        "1,A,900000000000,2024-01-01 10:00,1,C\n2,A,900000000000,2024-01-01 11:00,1,C\n",
    );
    const run = await runCli([
      "import",
      "--transactions",
      lines,
      "--out",
      join(root.path, "d.csv"),
    ]);
    assertEquals(run.code, 2, run.stderr);
    assertIncludes(run.stderr, "more than 10^12 units on one day");
  } finally {
    await root.cleanup();
  }
});

Deno.test("the default report directory shortens a long data name so the swap's names fit", () => {
  const dir = defaultReportDir(`${"é".repeat(200)}.csv`, "2026-12-01");
  const bytes = new TextEncoder().encode(basename(dir)).length;
  assert(bytes + ".returncast-tmp-".length + 12 <= 255, `${bytes} bytes`);
  assert(basename(dir).endsWith("-2026-12-01"));
});
