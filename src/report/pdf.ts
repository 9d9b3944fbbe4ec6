/**
 * What a browser does with the report: print it to PDF (A4, backgrounds, a page-number footer),
 * take a full-page screenshot, and inspect it for console errors, script errors and requests
 * that leave the file (a shared report must be self-contained). Each call launches its own
 * headless Chromium and always closes it (see `chromium.ts`).
 * @module
 */

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { writeFileAtomic } from "../io/write_atomic.ts";
import { withBrowser } from "./chromium.ts";
import { escapeHtml } from "./html.ts";

/** How long loading a page may take before rendering gives up. */
const LOAD_TIMEOUT_MS = 30_000;

/** Options of {@link renderPdf}. */
export interface RenderPdfOptions {
  /** The HTML file to print. */
  readonly htmlPath: string;
  /** Where to write the PDF (atomically; the directory is created). */
  readonly pdfPath: string;
  /** The Chromium to use (see `findChromium`). */
  readonly executablePath: string;
  /** Shown in every page's footer: "title — page X of Y" (escaped). */
  readonly title: string;
}

/** The footer template for Chromium's print: "title — page X of Y", centred, 8 pt grey. */
export function footerTemplate(title: string): string {
  return `<div style="width:100%;margin:0 15mm;font-size:8pt;color:#555;text-align:center;` +
    `font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif">` +
    `${escapeHtml(title)} — page <span class="pageNumber"></span> of ` +
    `<span class="totalPages"></span></div>`;
}

async function openPage(page: Page, htmlPath: string): Promise<string> {
  const url = pathToFileURL(resolve(htmlPath)).href;
  await page.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return url;
}

async function readableFile(path: string): Promise<void> {
  try {
    if ((await Deno.stat(path)).isFile) return;
  } catch {
    // reported below
  }
  throw new Error(`Cannot render ${path}: no such HTML file`);
}

/**
 * Prints an HTML file to an A4 PDF with backgrounds, 15 mm margins and a footer with the title
 * and page numbers, written atomically to `pdfPath`.
 *
 * @example
 * ```ts ignore
 * import { findChromium } from "./chromium.ts";
 * import { renderPdf } from "./pdf.ts";
 * await renderPdf({
 *   htmlPath: "reports/latest/report.html",
 *   pdfPath: "reports/latest/report.pdf",
 *   executablePath: findChromium()!,
 *   title: "Returncast report",
 * });
 * ```
 */
export async function renderPdf(options: RenderPdfOptions): Promise<void> {
  await readableFile(options.htmlPath);
  const pdf = await withBrowser(options.executablePath, async (browser) => {
    const page = await browser.newPage();
    await openPage(page, options.htmlPath);
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "15mm", right: "15mm", bottom: "18mm", left: "15mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footerTemplate(options.title),
      timeout: LOAD_TIMEOUT_MS,
    });
  });
  await writeFileAtomic(options.pdfPath, pdf);
}

/** What a browser saw while loading a page (see {@link inspectHtml}). */
export interface PageInspection {
  /** Text of every `console.error` and every resource that failed to load. */
  readonly consoleErrors: string[];
  /** URLs the page requested other than its own file (`data:` URLs are left out). */
  readonly requests: string[];
  /** Uncaught exceptions thrown by the page's scripts. */
  readonly pageErrors: string[];
}

/**
 * Loads an HTML file and records console errors, uncaught script errors and every request other
 * than the page's own `file://` URL. Requests are recorded and then aborted, so a page that
 * points at the network neither waits for it nor reaches it. A self-contained report gives
 * three empty lists.
 */
export async function inspectHtml(
  options: { readonly htmlPath: string; readonly executablePath: string },
): Promise<PageInspection> {
  await readableFile(options.htmlPath);
  const pageUrl = pathToFileURL(resolve(options.htmlPath)).href;
  const result: PageInspection = { consoleErrors: [], requests: [], pageErrors: [] };
  await withBrowser(options.executablePath, async (browser) => {
    const page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") result.consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => {
      result.pageErrors.push(error instanceof Error ? error.message : String(error));
    });
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url === pageUrl || url.startsWith("data:")) {
        request.continue().catch(() => {});
      } else {
        result.requests.push(url);
        request.abort("blockedbyclient").catch(() => {});
      }
    });
    await openPage(page, options.htmlPath);
    // Let late console messages and errors (from load handlers) arrive before closing.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  });
  return result;
}

/** Options of {@link screenshot}. */
export interface ScreenshotOptions {
  /** The HTML file to show. */
  readonly htmlPath: string;
  /** Where to write the PNG (atomically; the directory is created). */
  readonly pngPath: string;
  /** The Chromium to use (see `findChromium`). */
  readonly executablePath: string;
  /** Viewport width in CSS px. @default {800} */
  readonly width?: number;
  /** Viewport height in CSS px; the image is as tall as the page when that is taller. @default {100} */
  readonly height?: number;
  /** Device pixels per CSS px (2 for a sharp image). @default {1} */
  readonly scale?: number;
}

/** Takes a full-page PNG screenshot of an HTML file, as a reader would see it on screen. */
export async function screenshot(options: ScreenshotOptions): Promise<void> {
  await readableFile(options.htmlPath);
  const width = options.width ?? 800;
  const png = await withBrowser(options.executablePath, async (browser) => {
    const page = await browser.newPage();
    await page.setViewport({
      width,
      height: options.height ?? 100,
      deviceScaleFactor: options.scale ?? 1,
    });
    await openPage(page, options.htmlPath);
    return await page.screenshot({ fullPage: true, type: "png" });
  });
  await writeFileAtomic(options.pngPath, png);
}
