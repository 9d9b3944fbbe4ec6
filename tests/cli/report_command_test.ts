import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { recoverDirectory, writeDirectoryAtomic } from "../../src/io/write_dir_atomic.ts";
import { importGraph } from "../../tools/import_cycles.ts";

async function smallData(dir: string): Promise<string> {
  const data = `${dir}/d.csv`;
  assertEquals(
    (await runCli(["generate", "--products", "2", "--days", "200", "--quiet", "--out", data])).code,
    0,
  );
  return data;
}

const FAST = ["--models", "snaive7,ma28,ets,lag", "--quiet"];

Deno.test("report --no-pdf writes everything but the PDF", async () => {
  const dir = await tempDir();
  try {
    const out = `${dir.path}/r`;
    const run = await runCli([
      "report",
      "--data",
      await smallData(dir.path),
      ...FAST,
      "--no-pdf",
      "--out",
      out,
    ]);
    assertEquals(run.code, 0, run.stderr);
    const files = [...Deno.readDirSync(out)].map((e) => e.name).sort();
    assertEquals(files, [
      ".returncast.json",
      "alerts.csv",
      "backtest.csv.gz",
      "forecast.csv",
      "plan.csv",
      "plan_daily.csv",
      "report.html",
      "simulation.json",
      "summary.json",
    ]);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("without Chromium: a warning and exit 0, or exit 1 with --pdf and the previous output kept", async () => {
  const dir = await tempDir();
  try {
    const data = await smallData(dir.path);
    const env = { RETURNCAST_CHROMIUM_SEARCH: "", CHROME_PATH: "", PUPPETEER_EXECUTABLE_PATH: "" };
    const report = (out: string, ...flags: string[]) =>
      runCli(["report", "--data", data, ...FAST, ...flags, "--out", `${dir.path}/${out}`], env);
    const run = await report("a");
    assertEquals(run.code, 0, run.stderr);
    assertIncludes(run.stderr, "warning: no Chromium found");
    assertIncludes(run.stderr, "CHROME_PATH");
    assert(Deno.statSync(`${dir.path}/a/report.html`).isFile, "HTML still written");
    await Deno.writeTextFile(`${dir.path}/a/report.html`, "previous");
    const strict = await report("a", "--pdf");
    assertEquals(strict.code, 1);
    assertIncludes(strict.stderr, "error: no Chromium found");
    assertIncludes(strict.stderr, "is left as it was");
    assertEquals(await Deno.readTextFile(`${dir.path}/a/report.html`), "previous");
    const fresh = await report("b", "--pdf");
    assertEquals(fresh.code, 1);
    const left = [...Deno.readDirSync(dir.path)].map((entry) => entry.name).sort();
    assertEquals(
      left,
      [".returncast-files.json", "a", "d.csv"],
      "a failed strict run leaves no half output",
    );
  } finally {
    await dir.cleanup();
  }
});

Deno.test("report on bad input is a one-line error and leaves the previous report intact", async () => {
  const dir = await tempDir();
  try {
    const out = `${dir.path}/r`;
    await Deno.mkdir(out);
    await Deno.writeTextFile(`${out}/report.html`, "previous");
    // A previous Returncast report carries its manifest.
    await Deno.writeTextFile(
      `${out}/.returncast.json`,
      JSON.stringify({ returncast: "output", command: "report", files: ["report.html"], kept: [] }),
    );
    await Deno.writeTextFile(
      `${dir.path}/bad.csv`,
      "date,product_id,sales,returns\n2023-01-01,P1,x,0\n",
    );
    const run = await runCli(["report", "--data", `${dir.path}/bad.csv`, "--out", out]);
    assertEquals(run.code, 2);
    assertIncludes(run.stderr, "bad.csv:2");
    assertEquals(await Deno.readTextFile(`${out}/report.html`), "previous");
    const horizon = await runCli(["report", "--horizon", "5", "--out", out]);
    assertEquals(horizon.code, 2);
    assertIncludes(horizon.stderr, "--horizon must be a whole number from 7 to 90");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a directory is replaced whole or not at all", async () => {
  const dir = await tempDir();
  try {
    const target = `${dir.path}/out`;
    await writeDirectoryAtomic(target, (temp) => Deno.writeTextFile(`${temp}/a.txt`, "first"));
    const failed = await writeDirectoryAtomic(target, async (temp) => {
      await Deno.writeTextFile(`${temp}/a.txt`, "second");
      throw new Error("interrupted");
    }).catch((e) => e);
    assert(failed instanceof Error);
    assertEquals(await Deno.readTextFile(`${target}/a.txt`), "first");
    assertEquals([...Deno.readDirSync(dir.path)].map((e) => e.name), ["out"], "no temporary left");
    await Deno.rename(target, `${target}.returncast-old-0123456789ab`); // killed between the renames
    assert(await recoverDirectory(target));
    assertEquals(await Deno.readTextFile(`${target}/a.txt`), "first");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("report's main thread runs nothing of the run: a worker computes it and ends before the PDF", async () => {
  const graph = await importGraph(["src/cli/report.ts"]);
  for (const computing of ["src/cli/planning_run.ts", "src/report/build.ts", "src/cli/replan.ts"]) {
    assert(!graph.has(computing), `report.ts reaches ${computing}`);
  }
  const worker = await importGraph(["src/cli/report_worker.ts"]);
  for (const computing of ["src/cli/planning_run.ts", "src/report/build.ts"]) {
    assert(worker.has(computing), `the worker computes with ${computing}`);
  }
});
