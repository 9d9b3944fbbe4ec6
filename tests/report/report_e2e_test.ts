/**
 * The main job end to end: `deno task report` on the demo data, the HTML opened in Chromium (no
 * external script, no console errors, no requests), the PDF read back with poppler (pages,
 * sections, page numbers, no explorer).
 */

import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { CHROMIUM, POPPLER, testNeedingTool } from "../helpers/requires.ts";
import { findChromium } from "../../src/report/chromium.ts";
import { inspectHtml } from "../../src/report/pdf.ts";
import { parseCsvRows } from "../../src/data/csv.ts";
import { FORECAST_DAYS } from "../../src/config/run_config.ts";

async function text(command: string, ...args: string[]): Promise<string> {
  const output = await new Deno.Command(command, { args, stdout: "piped", stderr: "piped" })
    .output();
  if (!output.success) {
    throw new Error(`${command} failed: ${new TextDecoder().decode(output.stderr)}`);
  }
  return new TextDecoder().decode(output.stdout);
}

testNeedingTool("the demo report: self-contained HTML, a paged PDF, and the CSVs", [
  CHROMIUM,
  POPPLER,
], async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/demo.csv`;
    assertEquals((await runCli(["generate", "--quiet", "--out", data])).code, 0);
    const out = `${dir.path}/report`;
    const run = await runCli([
      "report",
      "--data",
      data,
      "--models-dir",
      `${dir.path}/models`,
      "--out",
      out,
    ]);
    assertEquals(run.code, 0, run.stderr);
    const last = run.stdout.trim().split("\n").pop()!;
    assertIncludes(last, `wrote ${out}/`);
    for (
      const name of [
        "report.html",
        "report.pdf",
        "forecast.csv",
        "plan.csv",
        "alerts.csv",
        "backtest.csv",
        "summary.json",
      ]
    ) {
      assertIncludes(last, name);
    }
    for (
      const stage of [
        "▸ read",
        "▸ backtest",
        "▸ forecast sales",
        "▸ plan inventory",
        "▸ render the report",
        "▸ print report.pdf",
      ]
    ) {
      assertIncludes(run.stderr, stage);
    }

    const html = await Deno.readTextFile(`${out}/report.html`);
    // Issue 15's budget for the demo's report.html, explorer included (0.5 MB when written).
    const bytes = (await Deno.stat(`${out}/report.html`)).size;
    assert(bytes < 1_500_000, `report.html is ${bytes} bytes, over 1.5 MB`);
    // The explorer's two inline scripts (its data and its code), nothing external.
    assertEquals(html.match(/<script/gi)?.length, 2, "the explorer's two scripts");
    assert(!/<script[^>]*\ssrc=/i.test(html), "no external script");
    assert(!/(src|href)="https?:/i.test(html), "no external resources");
    for (const id of ["P001", "P002", "P003", "P004", "P005"]) {
      assertIncludes(html, `Product ${id}`);
    }
    assertIncludes(html, "Models chosen by backtest");
    const page = await inspectHtml({
      htmlPath: `${out}/report.html`,
      executablePath: findChromium()!,
    });
    assertEquals(page.consoleErrors, [], "console errors");
    assertEquals(page.pageErrors, [], "page errors");
    assertEquals(page.requests, [], "requests leaving the file");

    const info = await text("pdfinfo", `${out}/report.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    assert(pages >= 10 && pages <= 30, `${pages} pages`);
    const pdfText = await text("pdftotext", "-layout", `${out}/report.pdf`, "-");
    for (const part of ["Executive summary", "Alerts", "Inventory policies compared", "Methods"]) {
      assertIncludes(pdfText, part);
    }
    for (const id of ["P001", "P005"]) assertIncludes(pdfText, `Product ${id}`);
    // The explorer is for the screen: not printed, not in the table of contents.
    assert(!pdfText.includes("Explore"), "no explorer in the PDF");
    assert(!html.slice(html.indexOf("<nav"), html.indexOf("</nav>")).includes("#explore"));
    assertIncludes(pdfText, `page 1 of ${pages}`);
    assertIncludes(pdfText, `page ${pages} of ${pages}`);
    // each product starts on a new page: the page holding "Product P002" starts with it
    const pageTexts = pdfText.split("\f");
    for (const id of ["P001", "P002", "P003", "P004", "P005"]) {
      assert(pageTexts.some((t) => t.trim().startsWith(`Product ${id}`)), `${id} starts a page`);
    }
    await text(
      "pdftoppm",
      "-r",
      "30",
      "-png",
      "-f",
      "1",
      "-l",
      "1",
      `${out}/report.pdf`,
      `${dir.path}/first`,
    );

    const forecast = parseCsvRows(await Deno.readTextFile(`${out}/forecast.csv`));
    assertEquals(forecast.length - 1, 5 * 2 * FORECAST_DAYS, "90 days: the explorer's longest");
    const summary = JSON.parse(await Deno.readTextFile(`${out}/summary.json`));
    assertEquals(summary.data.products, 5);
    assertEquals(summary.data.sha256.length, 64);
    assert(summary.metrics.length > 0 && summary.versions.returncast, "metrics and versions");
  } finally {
    await dir.cleanup();
  }
});

testNeedingTool(
  "product names are escaped in the HTML and the PDF",
  [CHROMIUM, POPPLER],
  async () => {
    const dir = await tempDir();
    try {
      const evil = "<img src=x onerror=alert(1)>";
      const rows = ["date,product_id,sales,returns"];
      for (let day = 0; day < 200; day++) {
        const date = new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
        rows.push(`${date},"${evil}",${10 + (day % 7)},${day % 3}`);
      }
      await Deno.writeTextFile(`${dir.path}/evil.csv`, rows.join("\n") + "\n");
      const out = `${dir.path}/report`;
      const run = await runCli([
        "report",
        "--data",
        `${dir.path}/evil.csv`,
        "--models",
        "snaive7,ma28,ets,lag",
        "--title",
        "<b>bold</b> title",
        "--out",
        out,
        "--quiet",
      ]);
      assertEquals(run.code, 0, run.stderr);
      const html = await Deno.readTextFile(`${out}/report.html`);
      assert(!html.includes("<img"), "no img tag");
      assert(!html.includes("<b>bold"), "title escaped");
      assertIncludes(html, "&lt;img src=x onerror=alert(1)&gt;");
      const page = await inspectHtml({
        htmlPath: `${out}/report.html`,
        executablePath: findChromium()!,
      });
      assertEquals(page.requests, [], "no image request");
      assertEquals(page.pageErrors, []);
      assertIncludes(await text("pdftotext", `${out}/report.pdf`, "-"), evil);
    } finally {
      await dir.cleanup();
    }
  },
);
