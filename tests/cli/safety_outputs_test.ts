/**
 * Outputs own only what they made (issue 12): every reproduction of a lost user file, run as a
 * user would, with the tasks' own permissions.
 */
import { join } from "node:path";
import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { ROOT, runCli, tempDir } from "../helpers/cli.ts";

const BASELINES = ["--models", "naive,snaive7,ma28"];

function assertRefused(run: { code: number; stderr: string }, ...parts: string[]) {
  assertEquals(run.code, 2, run.stderr);
  assertEquals(run.stderr.trim().split("\n").length, 1, `one line: ${run.stderr}`);
  for (const part of parts) assertIncludes(run.stderr, part);
}

async function demo(dir: string, name = "data.csv"): Promise<string> {
  const path = join(dir, name);
  const run = await runCli([
    "generate",
    "--products",
    "2",
    "--days",
    "120",
    "--quiet",
    "--out",
    path,
  ]);
  assertEquals(run.code, 0, run.stderr);
  return path;
}

Deno.test("plan and report refuse an --out that holds their input, and keep every file", async () => {
  const root = await tempDir();
  try {
    const v = join(root.path, "v");
    await Deno.mkdir(v);
    const data = await demo(v);
    await Deno.writeTextFile(join(v, "notes.txt"), "mine");
    for (const command of ["plan", "report"]) {
      assertRefused(
        await runCli([command, "--data", data, ...BASELINES, "--quiet", "--out", v]),
        "contains the input given to --data",
      );
    }
    assertEquals((await Array.fromAsync(Deno.readDir(v))).map((e) => e.name).sort(), [
      ".returncast-files.json",
      "data.csv",
      "notes.txt",
    ]);
  } finally {
    await root.cleanup();
  }
});

Deno.test("an --out of the checkout's parent, run inside a checkout, is refused", async () => {
  const root = await tempDir();
  try {
    const checkout = join(root.path, "checkout");
    await Deno.mkdir(join(checkout, ".git"), { recursive: true });
    const data = await demo(root.path);
    const run = await runCli(["plan", "--data", data, ...BASELINES, "--out", "../checkout"], {}, {
      cwd: checkout,
    });
    assertRefused(run, "current directory");
    assert((await Deno.stat(join(checkout, ".git"))).isDirectory, "the checkout is intact");
    assertRefused(
      await runCli(["plan", "--data", data, ...BASELINES, "--out", ".."], {}, { cwd: checkout }),
      "contains",
    );
  } finally {
    await root.cleanup();
  }
});

Deno.test("file outputs never overwrite their input, a directory, or a file they did not write", async () => {
  const root = await tempDir();
  try {
    const data = await demo(root.path);
    const before = await Deno.readTextFile(data);
    assertRefused(
      await runCli(["forecast", "--data", data, "--model", "naive", "--out", data]),
      "is the input given to --data",
    );
    assertRefused(
      await runCli(["backtest", "--data", data, "--models", "naive", "--out", data]),
      "is the input given to --data",
    );
    assertRefused(
      await runCli(["forecast", "--data", data, "--model", "naive", "--out", root.path]),
      "is a directory",
    );
    const theirs = join(root.path, "theirs.csv");
    await Deno.writeTextFile(theirs, "precious");
    assertRefused(await runCli(["generate", "--out", theirs, "--quiet"]), "--force");
    assertEquals(await Deno.readTextFile(theirs), "precious");
    assertEquals(
      (await runCli(["generate", "--out", theirs, "--quiet", "--force"])).code,
      0,
      "--force replaces a file that is not an input",
    );
    const file = join(root.path, "plan-here");
    await Deno.writeTextFile(file, "a file");
    assertRefused(
      await runCli(["plan", "--data", data, ...BASELINES, "--out", file]),
      "existing file",
    );
    assertEquals(await Deno.readTextFile(file), "a file");
    assertEquals(await Deno.readTextFile(data), before);
    const summary = join(root.path, "summary.json");
    await Deno.writeTextFile(summary, "{}");
    assertRefused(
      await runCli([
        "backtest",
        "--data",
        data,
        "--models",
        "naive",
        "--out",
        `${root.path}/b.csv`,
      ]),
      "summary.json",
      "--force",
    );
  } finally {
    await root.cleanup();
  }
});

Deno.test("import refuses its own input through a symbolic or a hard link", async () => {
  const root = await tempDir();
  try {
    const orders = join(root.path, "orders.csv.gz");
    await Deno.copyFile(`${ROOT}data/fixtures/online_retail_10.csv.gz`, orders);
    await Deno.symlink(orders, join(root.path, "soft.csv"));
    await Deno.link(orders, join(root.path, "hard.csv"));
    for (const out of ["soft.csv", "hard.csv"]) {
      assertRefused(
        await runCli(["import", "--transactions", orders, "--out", join(root.path, out)]),
        "is the input given to --transactions",
      );
    }
    assertEquals(
      (await Deno.stat(orders)).size,
      (await Deno.stat(join(root.path, "hard.csv"))).size,
    );
  } finally {
    await root.cleanup();
  }
});

Deno.test("an earlier output is replaced, keeping what the user added; a foreign one is refused", async () => {
  const root = await tempDir();
  try {
    const data = await demo(root.path);
    const out = join(root.path, "plan");
    const first = await runCli(["plan", "--data", data, ...BASELINES, "--quiet", "--out", out]);
    assertEquals(first.code, 0, first.stderr);
    await Deno.writeTextFile(join(out, "README.md"), "about");
    const again = await runCli(["plan", "--data", data, ...BASELINES, "--quiet", "--out", out]);
    assertEquals(again.code, 0, again.stderr);
    assertEquals(await Deno.readTextFile(join(out, "README.md")), "about");
    const manifest = JSON.parse(await Deno.readTextFile(join(out, ".returncast.json")));
    assertEquals(manifest.kept, ["README.md"]);
    const foreign = join(root.path, "photos");
    await Deno.mkdir(foreign);
    await Deno.writeTextFile(join(foreign, "cat.jpg"), "meow");
    assertRefused(
      await runCli(["plan", "--data", data, ...BASELINES, "--out", foreign]),
      "did not write",
    );
    assertRefused(await runCli(["plan", "--data", data, ...BASELINES, "--out", "/"]), "root");
  } finally {
    await root.cleanup();
  }
});

Deno.test("paths typed under deno task are the user's: INIT_CWD, not the project root", async () => {
  const root = await tempDir();
  try {
    const data = await demo(root.path, "mine.csv");
    const run = await runCli(
      ["forecast", "--data", "mine.csv", "--model", "naive", "--out", "f.csv"],
      { INIT_CWD: root.path },
    );
    assertEquals(run.code, 0, run.stderr);
    assert((await Deno.stat(join(root.path, "f.csv"))).isFile, "written where the user is");
    assert((await Deno.stat(data)).isFile);
  } finally {
    await root.cleanup();
  }
});
