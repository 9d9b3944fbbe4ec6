/**
 * The report explorer's speed in headless Chromium: time from opening report.html until the
 * explorer is ready, then 60 control changes (horizon, lead time, review period, restock rate,
 * target, policy, safety factor, product) — each timed as the update's script (levels, charts,
 * table) and from the input event to the frame painted after it. Prints one JSON line of medians and maxima.
 * Usage: deno run -A bench/explorer_updates.ts REPORT_HTML
 * @module
 */

import { openExplorer, withChromium } from "../tools/explorer_page.ts";

const [path] = Deno.args;
const quantile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

const result = await withChromium(async (browser) => {
  const started = performance.now();
  const { page, log } = await openExplorer(browser, path);
  const openedMs = performance.now() - started;
  const ids: string[] = await page.evaluate(() =>
    JSON.parse(document.getElementById("explorer-data")!.textContent!).ids.slice(0, 5)
  );
  const changes: [string, string][] = [];
  for (let round = 0; round < 4; round++) {
    changes.push(
      ["horizon", String(30 + 20 * round)],
      ["lead-time", String(7 + round)],
      ["review-period", String(7 + round)],
      ["restock-rate", String(0.8 - 0.1 * round)],
      ["target", String(0.95 + 0.01 * round)],
      ["policy", "multiplier"],
      ["safety-factor", String(1.2 + 0.2 * round)],
      ["policy", "cycle-service"],
      ["horizon", "90"],
      ["product", ids[(round + 1) % ids.length]],
      ["lead-time", "7"],
      ["review-period", "7"],
      ["horizon", "30"],
      ["restock-rate", "0.8"],
      ["product", ids[0]],
    );
  }
  const times: [number, number][] = await page.evaluate(async (changes) => {
    const updates = (globalThis as unknown as { explorerTimings: { update: number[] } })
      .explorerTimings.update;
    const out: [number, number][] = [];
    for (const [name, value] of changes) {
      const el = document.querySelector<HTMLInputElement>(`#explore [name="${name}"]`)!;
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      // The update runs in the next animation frame; then the frame is painted.
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      out.push([updates[updates.length - 1], performance.now() - t0]);
    }
    return out;
  }, changes);
  await page.close();
  if (log.consoleErrors.length + log.pageErrors.length + log.requests.length > 0) {
    throw new Error(`the page was not clean: ${JSON.stringify(log)}`);
  }
  const script = times.map((t) => t[0]);
  const painted = times.map((t) => t[1]);
  return {
    changes: times.length,
    openedToReadyMs: Math.round(openedMs),
    updateMedianMs: quantile(script, 0.5),
    updateP95Ms: quantile(script, 0.95),
    updateMaxMs: Math.max(...script),
    paintedMedianMs: quantile(painted, 0.5),
    paintedP95Ms: quantile(painted, 0.95),
    htmlMB: (await Deno.stat(path)).size / 1e6,
  };
});
console.log(JSON.stringify(result));
