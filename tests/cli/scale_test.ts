/**
 * The scale benchmark in small (issue 8), as a test of correctness only: above 50 products the
 * report trains one global LSTM instead of per-product ones, keeps every product in the summary
 * table and the CSVs, and gives detail pages to the 50 that matter most (high-severity alerts
 * first, then volume).
 */

import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { parseCsvRows } from "../../src/data/csv.ts";
import { FORECAST_DAYS } from "../../src/config/run_config.ts";

const PRODUCTS = 60;
const HORIZON = 14;
const DETAIL = 50;

/** Rows of a CSV as objects keyed by its header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text.trim());
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}

Deno.test(`a ${PRODUCTS}-product report: global LSTM, every product listed, ${DETAIL} detail pages`, async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/many.csv`;
    const generate = ["generate", "--products", String(PRODUCTS), "--days", "150", "--quiet"];
    assertEquals((await runCli([...generate, "--out", data])).code, 0);
    const out = `${dir.path}/report`;
    const run = await runCli([
      ...["report", "--data", data, "--horizon", String(HORIZON), "--no-pdf", "--quiet"],
      ...["--models-dir", `${dir.path}/models`, "--out", out],
    ]);
    assertEquals(run.code, 0, run.stderr);

    const summary = JSON.parse(await Deno.readTextFile(`${out}/summary.json`));
    const candidates: string[] = summary.parameters.models;
    assert(candidates.includes("lstm-global"), `global LSTM among the candidates: ${candidates}`);
    assert(!candidates.includes("lstm"), "no per-product LSTMs above 50 products");
    for (const target of ["sales", "returns"]) {
      assert(
        summary.metrics.some((m: { target: string; model: string }) =>
          m.target === target && m.model === "lstm-global"
        ),
        `lstm-global backtested for ${target}`,
      );
    }

    const ids = [...new Set(records(await Deno.readTextFile(data)).map((r) => r.product_id))];
    assertEquals(ids.length, PRODUCTS);
    const forecast = records(await Deno.readTextFile(`${out}/forecast.csv`));
    assertEquals(
      forecast.length,
      PRODUCTS * 2 * FORECAST_DAYS,
      "every product, both targets, each of the 90 days the explorer shows",
    );
    assert(
      forecast.every((r) => Number.isFinite(Number(r.forecast)) && Number(r.forecast) >= 0),
      "finite, non-negative forecasts",
    );
    const plan = records(await Deno.readTextFile(`${out}/plan.csv`));
    assertEquals(plan.map((r) => r.product_id).sort(), [...ids].sort(), "a plan for every product");

    const html = await Deno.readTextFile(`${out}/report.html`);
    const table = html.slice(html.indexOf('<section id="summary">'));
    for (const id of ids) assertIncludes(table, `${id}</`, `${id} in the summary table`);
    assertEquals(html.match(/<section class="product"/g)?.length, DETAIL, "detail pages");
    assertIncludes(html, `Detail pages follow for the ${DETAIL} products`);

    const detailed = new Set(
      [...table.matchAll(/<a href="#product-\d+">([^<]+)<\/a>/g)].map((m) => m[1]),
    );
    assertEquals(detailed.size, DETAIL);
    const alerts = records(await Deno.readTextFile(`${out}/alerts.csv`));
    const high = new Set(alerts.filter((a) => a.severity === "high").map((a) => a.product_id));
    const volume = new Map<string, number>();
    for (const row of records(await Deno.readTextFile(data))) {
      volume.set(row.product_id, (volume.get(row.product_id) ?? 0) + Number(row.sales));
    }
    const leastDetailed = Math.min(
      ...[...detailed].filter((id) => !high.has(id)).map((id) => volume.get(id)!),
    );
    for (const id of ids.filter((id) => !detailed.has(id))) {
      assert(!high.has(id), `${id} has a high-severity alert but no detail page`);
      assert(volume.get(id)! <= leastDetailed, `${id} outsells a product with a detail page`);
    }
  } finally {
    await dir.cleanup();
  }
});
