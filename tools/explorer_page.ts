/**
 * Driving the report's explorer in headless Chromium, for its tests, its benchmark
 * (`bench/explorer_updates.ts`) and its screenshot (`tools/explorer_screenshot.ts`): the
 * project's `launchBrowser` (puppeteer-core, pipe, fresh profile, GUIDE §6 flags, always closed),
 * with everything a test asserts on recorded — console errors, uncaught errors, dialogs
 * (dismissed), and every request other than the page's own file (aborted) — and the explorer's
 * state read through its stable names.
 * @module
 */

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { findChromium, launchBrowser } from "../src/report/chromium.ts";
import type { ExplorerPayload } from "../src/report/explorer/payload.ts";

/** What the page did that a test may forbid. */
export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Requests other than the page itself (aborted); `data:` URLs shortened. */
  requests: string[];
}

/** Runs `fn` with a fresh browser (always closed). */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const path = findChromium();
  if (!path) throw new Error("No Chromium found (apt-get install chromium)");
  const session = await launchBrowser(path);
  try {
    return await fn(session.browser);
  } finally {
    await session.close();
  }
}

/** Opens an HTML file, records its log, and waits until the explorer is ready. */
export async function openExplorer(
  browser: Browser,
  htmlPath: string,
  viewport: { width: number; height: number; deviceScaleFactor?: number } = {
    width: 1100,
    height: 900,
  },
): Promise<{ page: Page; log: PageLog }> {
  const url = pathToFileURL(resolve(htmlPath)).href;
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const log: PageLog = { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => log.pageErrors.push(e instanceof Error ? e.message : String(e)));
  page.on("dialog", (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const u = request.url();
    if (u === url) request.continue().catch(() => {});
    else {
      log.requests.push(u.startsWith("data:") ? u.slice(0, 40) + "…" : u);
      request.abort("blockedbyclient").catch(() => {});
    }
  });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.waitForSelector("#explore[data-ready]", { timeout: 60_000 });
  return { page, log };
}

/** The explorer's visible state, read through the stable names (after its next update). */
export async function readState(page: Page) {
  // The explorer updates once per animation frame: let a frame pass first.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  return await page.evaluate(() => {
    const root = document.getElementById("explore")!;
    const link = root.querySelector<HTMLAnchorElement>('[data-download="forecast"]')!;
    const rows = [...root.querySelectorAll('[data-table="forecast"] tbody tr')].map((tr) =>
      [...tr.children].map((td) => td.textContent ?? "")
    );
    const svgs = [...root.querySelectorAll("[data-chart] svg")].map((s) => s.outerHTML);
    return {
      product: root.dataset.product,
      productName: root.querySelector("[data-product-name]")!.textContent,
      controls: Object.fromEntries(
        [...root.querySelectorAll<HTMLInputElement>("[name]")].map((c) => [c.name, {
          value: c.value,
          disabled: c.disabled,
        }]),
      ),
      metrics: Object.fromEntries(
        [...root.querySelectorAll<HTMLElement>("[data-metric]")].map((m) => [m.dataset.metric, {
          text: m.textContent ?? "",
          value: m.dataset.value ?? "",
        }]),
      ),
      rows,
      charts: svgs.length,
      chartText: svgs.join(""),
      href: link.href,
      download: link.download,
      scripts: document.scripts.length,
      status: root.querySelector("[data-status]")!.textContent ?? "",
    };
  });
}

/** The explorer's state. */
export type ExplorerState = Awaited<ReturnType<typeof readState>>;

/** Picks a product by setting the picker's value (ids with U+2028 are awkward to type). */
export async function pickProduct(page: Page, id: string): Promise<void> {
  await page.$eval('#explore [name="product"]', (el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, id);
  await page.waitForFunction(
    (v) => document.getElementById("explore")!.dataset.product === v,
    { timeout: 10_000 },
    id,
  );
}

/** Sets controls by value, as a script would (each dispatches `input`). */
export async function setControls(page: Page, values: Record<string, string>): Promise<void> {
  await page.evaluate(async (values) => {
    for (const [name, value] of Object.entries(values)) {
      const el = document.querySelector<HTMLInputElement>(`#explore [name="${name}"]`)!;
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => done(null)));
    }
  }, values);
}

/** Replaces an input's text by keyboard: focus, select all, type. */
export async function typeInto(page: Page, name: string, text: string): Promise<void> {
  const selector = `#explore [name="${name}"]`;
  // Let a pending update (e.g. of a policy just chosen) apply first: it enables the controls
  // that policy uses and sets their values, which would undo or block the typing.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  await page.waitForSelector(`${selector}:not([disabled])`, { timeout: 10_000 });
  await page.focus(selector);
  // Select the old text in the page itself: a Ctrl+A key press can be lost on a loaded machine.
  await page.$eval(selector, (el) => (el as HTMLInputElement).select());
  await page.keyboard.type(text);
  const typed = await page.$eval(selector, (el) => (el as HTMLInputElement).value);
  if (typed !== text) throw new Error(`typing ${text} into ${name} gave ${typed}`);
}

/** The CSV the download link holds. */
export function linkCsv(state: ExplorerState): string {
  return decodeURIComponent(state.href.slice(state.href.indexOf(",") + 1));
}

/**
 * Our SVG serialiser's output with the attributes of every tag sorted by name: linkedom keeps
 * them in reverse order of setting, Chromium in order, so the raw strings differ in order only.
 */
export function canonicalSvg(svg: string): string {
  return svg.replace(/<([a-zA-Z][\w:-]*)((?:\s[\w:-]+="[^"]*")*)(\/?)>/g, (_, tag, attrs, end) => {
    const list = [...(attrs as string).matchAll(/\s([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return `<${tag}${list.map(([k, v]) => ` ${k}="${v}"`).join("")}${end}>`;
  });
}

/** The chart in a static report whose `<title>` is `title` (escaped as the SVG holds it). */
export function chartInReport(reportHtml: string, title: string): string | undefined {
  const escaped = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const at = reportHtml.indexOf(`<title>${escaped}</title>`, reportHtml.indexOf("<nav"));
  if (at < 0) return undefined;
  const start = reportHtml.lastIndexOf("<svg", at);
  return reportHtml.slice(start, reportHtml.indexOf("</svg>", at) + "</svg>".length);
}

/**
 * The largest difference between the numbers of two strings equal apart from their numbers
 * (`undefined` when anything else differs): how far apart two charts' coordinates are.
 */
export function maxNumberDifference(a: string, b: string): number | undefined {
  const NUMBER = /-?\d+(?:\.\d+)?/g;
  if (a.replace(NUMBER, "#") !== b.replace(NUMBER, "#")) return undefined;
  const x = a.match(NUMBER) ?? [];
  const y = b.match(NUMBER) ?? [];
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(Number(x[i]) - Number(y[i])));
  return max;
}

/** The explorer's page data, read back from a report. */
export function pageData(reportHtml: string): ExplorerPayload {
  const match = /<script type="application\/json" id="explorer-data">([^]*?)<\/script>/.exec(
    reportHtml,
  );
  if (!match) throw new Error("no explorer data in the report");
  return JSON.parse(match[1]);
}
