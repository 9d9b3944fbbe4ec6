import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { ROOT, runCli, tempDir } from "../helpers/cli.ts";

/** An error the user sees: exit 2, exactly one line on stderr, no stack trace. */
function assertOneLineError(result: { code: number; stderr: string }, ...parts: string[]) {
  assertEquals(result.code, 2, `exit code (stderr: ${result.stderr})`);
  const lines = result.stderr.trimEnd().split("\n");
  assertEquals(lines.length, 1, `one line on stderr: ${result.stderr}`);
  assert(!/\bat .*:\d+:\d+/.test(result.stderr), "no stack trace");
  for (const part of parts) assertIncludes(result.stderr, part);
}

Deno.test("validate prints the summary of a good file", async () => {
  const dir = await tempDir();
  try {
    const file = `${dir.path}/d.csv`;
    await Deno.writeTextFile(
      file,
      "date,product_id,sales,returns\n2023-01-01,P1,10,1\n2023-01-03,P1,30,2\n2023-01-01,P2,5,0\n",
    );
    const result = await runCli(["validate", "--data", file]);
    assertEquals(result.code, 0, result.stderr);
    assertIncludes(result.stdout, "2 products");
    assertIncludes(result.stdout, "1 missing days filled with 0");
    assertIncludes(result.stdout, "7.5 %"); // P1: 3 returned of 40 sold
  } finally {
    await dir.cleanup();
  }
});

Deno.test("validate reads gzip files", async () => {
  const dir = await tempDir();
  try {
    const file = `${dir.path}/d.csv.gz`;
    const text = "date,product_id,sales,returns\n2023-01-01,P1,10,1\n";
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
    await Deno.writeFile(file, new Uint8Array(await new Response(stream).arrayBuffer()));
    const result = await runCli(["validate", "--data", file]);
    assertEquals(result.code, 0, result.stderr);
    assertIncludes(result.stdout, "1 products");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("validate: bad input is exit 2 with a one-line error naming file, line and value", async () => {
  const dir = await tempDir();
  try {
    const missing = await runCli(["validate", "--data", `${dir.path}/nope.csv`]);
    assertOneLineError(missing, "nope.csv", "not found");
    const bad = `${dir.path}/bad.csv`;
    await Deno.writeTextFile(bad, "date,product_id,sales,returns\n2023-01-01,P1,-4,0\n");
    assertOneLineError(await runCli(["validate", "--data", bad]), "bad.csv:2", '"-4"');
    const semi = `${dir.path}/semi.csv`;
    await Deno.writeTextFile(semi, "date;product_id;sales;returns\n2023-01-01;P1;4;0\n");
    assertOneLineError(await runCli(["validate", "--data", semi]), "semi.csv", "semicolon");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("usage errors are exit 2; --help is exit 0", async () => {
  assertOneLineError(await runCli(["validate", "--nope"]), "--help");
  assertOneLineError(await runCli(["frobnicate"]), "unknown command");
  assertOneLineError(await runCli(["generate", "--products", "0"]), "--products", '"0"');
  assertOneLineError(await runCli(["generate", "--start", "2023-02-30"]), "--start");
  const help = await runCli(["generate", "--help"]);
  assertEquals(help.code, 0);
  assertIncludes(help.stdout, "--with-truth");
  const overview = await runCli(["--help"]);
  assertEquals(overview.code, 0);
  for (const name of ["validate", "generate", "import"]) assertIncludes(overview.stdout, name);
});

Deno.test("generate writes the same bytes for the same seed", async () => {
  const dir = await tempDir();
  try {
    const a = `${dir.path}/a.csv`;
    const b = `${dir.path}/b.csv`;
    assertEquals((await runCli(["generate", "--out", a, "--quiet"])).code, 0);
    assertEquals((await runCli(["generate", "--out", b, "--quiet"])).code, 0);
    const bytesA = await Deno.readFile(a);
    assertEquals(bytesA.length, (await Deno.readFile(b)).length);
    assertEquals(new TextDecoder().decode(bytesA), await Deno.readTextFile(b));
    assertEquals((await Deno.readTextFile(a)).trimEnd().split("\n").length, 3651);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("import writes the daily CSV and its summary, and never overwrites its input", async () => {
  const dir = await tempDir();
  try {
    const out = `${dir.path}/top.csv`;
    const fixture = `${ROOT}data/fixtures/online_retail_10.csv.gz`;
    const result = await runCli([
      "import",
      "--transactions",
      fixture,
      "--top",
      "3",
      "--drop-mega-orders",
      "--out",
      out,
    ]);
    assertEquals(result.code, 0, result.stderr);
    assertIncludes(result.stdout, "13,982 lines read");
    assertIncludes(result.stdout, "3 written");
    const validated = await runCli(["validate", "--data", out]);
    assertEquals(validated.code, 0, validated.stderr);
    assertIncludes(validated.stdout, "3 products, 2009-12-01 to 2010-11-30 (365 days)");
    const meta = JSON.parse(await Deno.readTextFile(`${dir.path}/top.import.json`));
    assertEquals(meta.linesRead, 13982);
    const same = await runCli(["import", "--transactions", out, "--out", out]);
    assertOneLineError(same, "never overwritten");
  } finally {
    await dir.cleanup();
  }
});
