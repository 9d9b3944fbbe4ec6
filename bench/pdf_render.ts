/**
 * Times printing an existing report.html to PDF. Prints `{ "seconds": … }`.
 * Usage: deno run -A bench/pdf_render.ts REPORT_DIR
 */

import { findChromium } from "../src/report/chromium.ts";
import { renderPdf } from "../src/report/pdf.ts";

const [dir] = Deno.args;
const executablePath = findChromium();
if (!executablePath) throw new Error("no Chromium found: apt-get install chromium");
const started = performance.now();
await renderPdf({
  htmlPath: `${dir}/report.html`,
  pdfPath: `${dir}/bench.pdf`,
  executablePath,
  title: "bench",
});
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
