/**
 * `deno run -A tools/explorer_screenshot.ts REPORT_HTML OUT.png [name=value …]`: a PNG of the
 * report's explorer (its section only) in headless Chromium, after setting controls by their
 * stable names — e.g. `product=P002 horizon=90 policy=multiplier safety-factor=2` — for the
 * README and for looking at it.
 * @module
 */

import { writeFileAtomic } from "../src/io/write_atomic.ts";
import { openExplorer, pickProduct, setControls, withChromium } from "./explorer_page.ts";

const [html, png, ...pairs] = Deno.args;
if (!html || !png?.endsWith(".png")) {
  console.error("usage: tools/explorer_screenshot.ts REPORT_HTML OUT.png [name=value …]");
  Deno.exit(2);
}
const settings = Object.fromEntries(pairs.map((pair) => pair.split("=", 2) as [string, string]));
await withChromium(async (browser) => {
  // Taller than the section: an element screenshot of a taller one drops the sticky header.
  const { page, log } = await openExplorer(browser, html, { width: 1000, height: 2400 });
  const { product, ...rest } = settings;
  if (product) await pickProduct(page, product);
  await setControls(page, rest);
  const section = (await page.$("#explore"))!;
  await writeFileAtomic(png, await section.screenshot({ type: "png" }));
  if (log.consoleErrors.length + log.pageErrors.length > 0) throw new Error(JSON.stringify(log));
  await page.close();
});
console.log(`wrote ${png}`);
