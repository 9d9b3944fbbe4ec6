/**
 * The report's explorer end to end (issue 15): `deno task report` on the demo data, its
 * report.html driven in headless Chromium through the stable names — another product, horizon
 * 90, safety factor 2.0, the policies switched, lead time and review period 14 and a target of
 * 0.98 — against `plan.csv` and against the CLI's `plan` run with those settings; the charts
 * against the server's and the static report's; the CSV download against the table; labels and
 * keyboard; no console errors, no requests, no dialogs. And a hostile product id shown as text.
 */

import type { Page } from "puppeteer-core";
import { assert, assertEquals } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { CHROMIUM, testNeedingTool } from "../helpers/requires.ts";
import { parseCsvRows, readCsvRecords } from "../../src/data/csv.ts";
import { forecastChart, inventoryChart } from "../../src/report/charts.ts";
import { decodeProduct } from "../../src/report/explorer/payload.ts";
import { controlValues } from "../../src/report/explorer/levels.ts";
import { explorerView } from "../../src/report/explorer/view.ts";
import { columnDigits, formatCell } from "../../src/report/explorer/table.ts";
import {
  canonicalSvg,
  chartInReport,
  type ExplorerState,
  linkCsv,
  maxNumberDifference,
  openExplorer,
  pageData,
  pickProduct,
  readState,
  typeInto,
  withChromium,
} from "../../tools/explorer_page.ts";

const MODELS = "snaive7,ma28,ets,croston,tsb,lag,zero";
const NAMES = [
  "product",
  "horizon",
  "policy",
  "target",
  "safety-factor",
  "lead-time",
  "review-period",
  "restock-rate",
  "holding-cost",
  "shortage-cost",
];

type Levels = { orderUpTo: string; reorderPoint: string; safetyStock: string };

/** plan.csv's levels by product id, as the page's `data-value`s write them. */
async function planLevels(dir: string): Promise<Map<string, Levels>> {
  const rows = readCsvRecords(await Deno.readTextFile(`${dir}/plan.csv`), "plan.csv");
  const text = (v: string) => String(Number(v));
  return new Map(rows.map((r) => [r.product_id, {
    orderUpTo: text(r.order_up_to),
    reorderPoint: text(r.reorder_point),
    safetyStock: text(r.safety_stock),
  }]));
}

function levelsOf(state: ExplorerState): Levels {
  return {
    orderUpTo: state.metrics["recommended-inventory"].value,
    reorderPoint: state.metrics["reorder-point"].value,
    safetyStock: state.metrics["safety-stock"].value,
  };
}

/** Every product's levels in the page equal `expected`'s (products picked one by one). */
async function assertLevels(page: Page, expected: Map<string, Levels>, rows: number, what: string) {
  for (const [id, levels] of expected) {
    await pickProduct(page, id);
    const state = await readState(page);
    assertEquals(levelsOf(state), levels, `${what}: ${id}`);
    assertEquals(state.rows.length, rows, `${what}: ${id} rows`);
    assertEquals(state.status, "", `${what}: ${id} status`);
  }
}

async function cli(args: string[]): Promise<void> {
  const run = await runCli([...args, "--quiet"]);
  assertEquals(run.code, 0, run.stderr);
}

testNeedingTool(
  "the explorer in report.html: controls, levels equal plan's, charts, table, CSV, no requests",
  [
    CHROMIUM,
  ],
  async (t) => {
    const dir = await tempDir();
    try {
      const data = `${dir.path}/demo.csv`;
      await cli(["generate", "--out", data]);
      const common = ["--data", data, "--models", MODELS, "--models-dir", `${dir.path}/models`];
      const report = `${dir.path}/report`;
      await cli(["report", ...common, "--no-pdf", "--out", report]);
      // The CLI's plan at other settings: the reference for the page's levels.
      await cli([
        "plan",
        ...common,
        "--policy",
        "multiplier",
        "--safety-factor",
        "2.0",
        "--out",
        `${dir.path}/mult2`,
      ]);
      await cli(["plan", ...common, "--fill-rate", "0.98", "--out", `${dir.path}/fill98`]);
      await cli([
        ...["plan", ...common, "--policy", "cost", "--holding-cost", "0.1"],
        ...["--out", `${dir.path}/cost`],
      ]);
      const html = await Deno.readTextFile(`${report}/report.html`);
      const payload = pageData(html);
      const defaults = await planLevels(report);
      assertEquals(payload.ids, [...defaults.keys()]);

      await withChromium(async (browser) => {
        // Device pixel ratio 2: Plot offsets strokes by half a pixel at 1 in browsers, never under
        // Deno, so at 2 the page's charts are the server's, byte for byte.
        const { page, log } = await openExplorer(browser, `${report}/report.html`, {
          width: 1100,
          height: 900,
          deviceScaleFactor: 2,
        });
        const first = await readState(page);

        await t.step("defaults: the first product, the run's horizon and policy", () => {
          assertEquals(first.product, "P001");
          assertEquals(first.controls.product.value, "P001");
          assertEquals(first.controls.horizon.value, "30");
          assertEquals(first.controls.policy.value, "fill-rate");
          assertEquals(first.controls.target.value, "0.95");
          assertEquals(first.controls["safety-factor"].disabled, true);
          assertEquals(first.rows.length, 30);
          assertEquals(first.charts, 3);
          assertEquals(first.scripts, 2);
        });

        await t.step("charts: the report's chart functions, drawn in the page", async () => {
          const svgs = await page.evaluate(() =>
            (globalThis as unknown as { explorerSvgs: Record<string, string> }).explorerSvgs
          );
          const view = explorerView("P001", decodeProduct(payload, 0), payload.run.policyRun, {
            policy: "fill-rate",
            horizon: 30,
            values: controlValues(payload.run.settings, payload.run.costs),
          });
          assertEquals(canonicalSvg(svgs.sales), canonicalSvg(forecastChart(view.charts.sales)));
          assertEquals(
            canonicalSvg(svgs.returns),
            canonicalSvg(forecastChart(view.charts.returns)),
          );
          assertEquals(
            canonicalSvg(svgs.inventory),
            canonicalSvg(inventoryChart(view.charts.inventory)),
          );
          // …and they are the static page's charts of P001, the bands within a pixel (the page
          // keeps the bounds to 3 significant digits).
          for (const name of ["sales", "returns", "inventory"]) {
            const fromReport = chartInReport(html, `P001: ${name}`);
            assert(fromReport, `no ${name} chart of P001 in the static report`);
            const difference = maxNumberDifference(
              canonicalSvg(svgs[name]),
              canonicalSvg(fromReport),
            );
            assert(difference !== undefined && difference < 1, `${name}: ${difference} px`);
          }
        });

        await t.step("the run's defaults: every product's levels equal plan.csv", async () => {
          await assertLevels(page, defaults, 30, "defaults");
          await pickProduct(page, "P001");
        });

        let before = await readState(page);
        await t.step("another product, typed; horizon to 90 with the keyboard", async () => {
          await typeInto(page, "product", "P003");
          await page.waitForFunction(() =>
            document.getElementById("explore")!.dataset.product === "P003"
          );
          const picked = await readState(page);
          assert(picked.metrics["avg-sales"].text !== before.metrics["avg-sales"].text);
          assert(picked.chartText !== before.chartText, "charts redrawn");
          assert(picked.rows[0].join() !== before.rows[0].join(), "table refilled");
          await page.focus('#explore [name="horizon"]');
          await page.keyboard.press("End");
          const s = await readState(page);
          assertEquals(s.controls.horizon.value, "90");
          assertEquals(s.rows.length, 90);
          assert(s.chartText !== picked.chartText, "charts follow the horizon");
          assert(s.metrics["avg-sales"].text !== picked.metrics["avg-sales"].text);
          assertEquals(
            levelsOf(s),
            defaults.get("P003")!,
            "the levels do not depend on the horizon",
          );
          before = s;
        });

        await t.step(
          "the multiplier at factor 2.0 equals plan --policy multiplier --safety-factor 2.0",
          async () => {
            await page.select('#explore [name="policy"]', "multiplier");
            let s = await readState(page);
            assertEquals(s.controls.policy.value, "multiplier");
            for (const name of ["target", "restock-rate", "holding-cost", "shortage-cost"]) {
              assertEquals(s.controls[name].disabled, true, `${name} disabled, not removed`);
            }
            assertEquals(s.controls["safety-factor"].disabled, false);
            assert(s.chartText !== before.chartText, "the inventory chart follows the policy");
            await page.focus('#explore [name="safety-factor"]');
            await page.keyboard.press("End");
            s = await readState(page);
            assertEquals(s.controls["safety-factor"].value, "2");
            assertEquals(s.rows.length, 90);
            await assertLevels(page, await planLevels(`${dir.path}/mult2`), 90, "multiplier 2.0");
          },
        );

        await t.step(
          "fill rate 0.98 and least cost at holding 0.1 equal plan with those flags",
          async () => {
            await page.select('#explore [name="policy"]', "fill-rate");
            await typeInto(page, "target", "0.98");
            await assertLevels(page, await planLevels(`${dir.path}/fill98`), 90, "fill rate 0.98");
            await page.select('#explore [name="policy"]', "cost");
            await typeInto(page, "holding-cost", "0.1");
            await assertLevels(page, await planLevels(`${dir.path}/cost`), 90, "cost, h 0.1");
            await typeInto(page, "holding-cost", "0.05");
            await page.select('#explore [name="policy"]', "fill-rate");
          },
        );

        await t.step(
          "another lead time keeps the run's error distribution and says so",
          async () => {
            await typeInto(page, "lead-time", "14");
            assert((await readState(page)).status.includes("14-day totals"));
            await typeInto(page, "lead-time", "7");
            assertEquals((await readState(page)).status, "");
          },
        );

        await t.step("an invalid entry is reported, not thrown", async () => {
          await typeInto(page, "target", "1.5");
          assert((await readState(page)).status.includes("enter a number from 0.5 to 0.999"));
          await typeInto(page, "target", "0.98");
          assertEquals((await readState(page)).status, "");
        });

        await t.step(
          "Download CSV: exactly the table, as the link holds it and as saved",
          async () => {
            const s = await readState(page);
            const csv = linkCsv(s);
            const rows = parseCsvRows(csv);
            assertEquals(rows[0][0], "date");
            assertEquals(rows.length - 1, s.rows.length);
            const digits = columnDigits(decodeProduct(payload, payload.ids.indexOf(s.product!)));
            rows.slice(1).forEach((row, i) => {
              assertEquals(
                row.map((cell, j) => (j === 0 ? cell : formatCell(Number(cell), j, digits))),
                s.rows[i],
              );
            });
            const downloads = await Deno.makeTempDir({ dir: dir.path });
            const cdp = await page.createCDPSession();
            await cdp.send("Browser.setDownloadBehavior", {
              behavior: "allow",
              downloadPath: downloads,
            });
            await page.click('#explore [data-download="forecast"]');
            let files: string[] = [];
            for (let i = 0; i < 100 && files.length === 0; i++) {
              await new Promise((r) => setTimeout(r, 100));
              files = [...Deno.readDirSync(downloads)].map((e) => e.name)
                .filter((n) => !n.endsWith(".crdownload"));
            }
            assertEquals(files, [s.download]);
            assertEquals(await Deno.readTextFile(`${downloads}/${files[0]}`), csv);
          },
        );

        await t.step("every control has a label and the keyboard reaches it", async () => {
          const names = await page.$$eval(
            "#explore [name]",
            (els) => els.map((e) => e.getAttribute("name")!),
          );
          assertEquals(names, NAMES);
          for (const name of names) {
            const handle = (await page.$(`#explore [name="${name}"]`))!;
            const node = await page.accessibility.snapshot({
              root: handle,
              interestingOnly: false,
            });
            assert(node?.name && node.name.trim() !== "", `${name} has no accessible name`);
            await handle.dispose();
          }
          await page.focus('#explore [name="product"]');
          const reached = new Set<string>();
          for (let i = 0; i < 12; i++) {
            reached.add(
              await page.evaluate(() => document.activeElement?.getAttribute("name") ?? ""),
            );
            await page.keyboard.press("Tab");
          }
          const enabled = await page.$$eval(
            "#explore [name]:not(:disabled)",
            (els) => els.map((e) => e.getAttribute("name")!),
          );
          for (const name of enabled) assert(reached.has(name), `Tab does not reach ${name}`);
        });

        await t.step("no console errors, no page errors, no dialogs, no requests", () => {
          assertEquals(log, { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] });
        });
        await page.close();
      });
    } finally {
      await dir.cleanup();
    }
  },
);

testNeedingTool(
  "a product id </script><script>alert(1)</script> is shown as text in the explorer, no dialog",
  [
    CHROMIUM,
  ],
  async () => {
    const dir = await tempDir();
    try {
      const hostile = "</script><script>alert(1)</script>";
      const other = 'Tom & "Jerry\'s" <!-- mug';
      const rows = ["date,product_id,sales,returns"];
      for (let day = 0; day < 200; day++) {
        const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
        rows.push(`${date},"${hostile}",${10 + (day % 7)},${day % 3}`);
        rows.push(`${date},"${other.replaceAll('"', '""')}",${20 + (day % 5)},${day % 4}`);
      }
      await Deno.writeTextFile(`${dir.path}/hostile.csv`, rows.join("\n") + "\n");
      const out = `${dir.path}/report`;
      await cli([
        "report",
        "--data",
        `${dir.path}/hostile.csv`,
        "--models",
        "snaive7,ma28",
        "--no-pdf",
        "--out",
        out,
      ]);
      const html = await Deno.readTextFile(`${out}/report.html`);
      assertEquals(html.match(/<script/gi)!.length, 2, "the data and the explorer, nothing else");
      await withChromium(async (browser) => {
        const { page, log } = await openExplorer(browser, `${out}/report.html`);
        let s = await readState(page);
        assertEquals(s.product, hostile);
        assertEquals(s.productName, hostile);
        assertEquals(s.controls.product.value, hostile);
        assertEquals(s.scripts, 2);
        assert(s.chartText.includes("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        await pickProduct(page, other);
        s = await readState(page);
        assertEquals(s.productName, other);
        assertEquals(log, { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] });
        await page.close();
      });
    } finally {
      await dir.cleanup();
    }
  },
);
