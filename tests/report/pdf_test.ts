import { findChromium } from "../../src/report/chromium.ts";
import { forecastChart } from "../../src/report/charts.ts";
import { html, raw } from "../../src/report/html.ts";
import { footerTemplate, inspectHtml, renderPdf, screenshot } from "../../src/report/pdf.ts";
import { assert, assertEquals, assertIncludes, assertRejects } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { CHROMIUM, POPPLER, testNeedingTool } from "../helpers/requires.ts";
import { sineForecast, sineHistory } from "./chart_fixtures.ts";

const TITLE = "Sales & returns <P001>";

/** A self-contained three-page report: a chart on the first page, text on the others. */
function samplePage(extra = ""): string {
  const chart = forecastChart({
    title: "P001 — sales",
    unit: "units sold per day",
    history: sineHistory(),
    forecast: sineForecast(),
  });
  const pages = ["Forecast", "Inventory", "Method"].map((heading, i) =>
    html`<section style="break-after: page"><h1>${heading}</h1>${
      i === 0 ? raw(chart) : html`<p>${"Text of page " + (i + 1)}</p>`
    }</section>`
  );
  return String(html`
    <!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>${TITLE}</title>
        <style>body { font-family: sans-serif; }</style>
      </head>
      <body>${pages}${raw(extra)}</body>
    </html>
  `);
}

async function run(command: string, ...args: string[]): Promise<string> {
  const output = await new Deno.Command(command, { args, stdout: "piped", stderr: "piped" })
    .output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  if (!output.success) throw new Error(`${command} ${args.join(" ")}: ${decode(output.stderr)}`);
  return decode(output.stdout);
}

Deno.test("the footer template escapes the title and carries the page number classes", () => {
  const footer = footerTemplate(TITLE);
  assertIncludes(footer, "Sales &amp; returns &lt;P001&gt; — page ");
  assertIncludes(footer, '<span class="pageNumber"></span> of <span class="totalPages"></span>');
});

testNeedingTool(
  "renderPdf prints every page with a page-number footer",
  [CHROMIUM, POPPLER],
  async () => {
    const dir = await tempDir();
    try {
      await Deno.writeTextFile(`${dir.path}/report.html`, samplePage());
      const pdfPath = `${dir.path}/out/report.pdf`;
      await renderPdf({
        htmlPath: `${dir.path}/report.html`,
        pdfPath,
        executablePath: findChromium()!,
        title: TITLE,
      });
      const info = await run("pdfinfo", pdfPath);
      assertEquals(/^Pages:\s+(\d+)$/m.exec(info)?.[1], "3", "page count from pdfinfo");
      assertIncludes(info, "595.", "A4 width in points");
      const text = await run("pdftotext", "-layout", pdfPath, "-");
      for (const page of [1, 2, 3]) assertIncludes(text, `${TITLE} — page ${page} of 3`);
      assertIncludes(text, "95 % interval", "the chart's legend is real text in the PDF");
      assertIncludes(text, "Text of page 3");
      await run("pdftoppm", "-r", "20", "-png", pdfPath, `${dir.path}/page`);
      const images = (await Array.fromAsync(Deno.readDir(dir.path)))
        .filter((entry) => /^page-\d+\.png$/.test(entry.name));
      assertEquals(images.length, 3, "pdftoppm renders three pages");
      const leftovers = (await Array.fromAsync(Deno.readDir(`${dir.path}/out`))).map((e) => e.name);
      assertEquals(leftovers, ["report.pdf"], "no temporary file left beside the PDF");
    } finally {
      await dir.cleanup();
    }
  },
);

testNeedingTool(
  "inspectHtml finds nothing wrong with a self-contained page",
  CHROMIUM,
  async () => {
    const dir = await tempDir();
    try {
      await Deno.writeTextFile(`${dir.path}/report.html`, samplePage());
      const seen = await inspectHtml({
        htmlPath: `${dir.path}/report.html`,
        executablePath: findChromium()!,
      });
      assertEquals(seen, { consoleErrors: [], requests: [], pageErrors: [] });
    } finally {
      await dir.cleanup();
    }
  },
);

testNeedingTool(
  "inspectHtml reports requests, console errors and script errors",
  CHROMIUM,
  async () => {
    const dir = await tempDir();
    try {
      const extra = `<img src="http://example.invalid/x.png" alt="">` +
        `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">` +
        `<script>console.error("broken chart"); throw new Error("boom");</script>`;
      await Deno.writeTextFile(`${dir.path}/report.html`, samplePage(extra));
      const seen = await inspectHtml({
        htmlPath: `${dir.path}/report.html`,
        executablePath: findChromium()!,
      });
      assertEquals(seen.requests, ["http://example.invalid/x.png"], "data: URLs are ignored");
      assertIncludes(seen.consoleErrors.join("\n"), "broken chart");
      assertEquals(seen.pageErrors.length, 1);
      assertIncludes(seen.pageErrors[0], "boom");
    } finally {
      await dir.cleanup();
    }
  },
);

testNeedingTool("screenshot writes a full-page PNG of the given width", CHROMIUM, async () => {
  const dir = await tempDir();
  try {
    const tall = `<div style="height: 1500px; border-left: 4px solid #888"></div>`;
    await Deno.writeTextFile(`${dir.path}/report.html`, samplePage(tall));
    const pngPath = `${dir.path}/shot.png`;
    await screenshot({
      htmlPath: `${dir.path}/report.html`,
      pngPath,
      executablePath: findChromium()!,
      width: 640,
    });
    const png = await Deno.readFile(pngPath);
    assertEquals([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], "PNG signature");
    const view = new DataView(png.buffer, png.byteOffset);
    assertEquals(view.getUint32(16), 640, "image width = viewport width");
    assert(view.getUint32(20) > 1500, "full page: taller than the viewport");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("rendering a missing HTML file says which file", async () => {
  await assertRejects(
    () =>
      renderPdf({
        htmlPath: "/no/such/report.html",
        pdfPath: "/tmp/never.pdf",
        executablePath: "/usr/bin/true",
        title: "x",
      }),
    Error,
    "/no/such/report.html",
  );
});
