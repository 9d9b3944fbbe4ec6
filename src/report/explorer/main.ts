/**
 * The explorer's browser entry (bundled into `bundle.gen.ts` by `deno task bundle`): wires the
 * controls of `<section id="explore">` to the page data. Picking a product decodes its record;
 * every change (at most one update per frame) recomputes the levels with the planning code (`levels.ts`), redraws the charts
 * with the report's own chart functions into the page's `document`, and refills the table and
 * the CSV link. DOM wiring only: what is shown comes from `view.ts`.
 *
 * Stable names (tests and users' scripts rely on them): controls `name=product|horizon|policy|
 * target|safety-factor|lead-time|review-period|restock-rate|holding-cost|shortage-cost`, metrics
 * `data-metric=…` (with `data-value`), the table `data-table="forecast"`, the link
 * `data-download="forecast"`; `#explore[data-ready]` once started, `[data-product]` the product.
 * @module
 */

import { forecastChart } from "../charts/forecast.ts";
import { inventoryChart } from "../charts/inventory.ts";
import { useChartDocument } from "../charts/render.ts";
import { decimal, returnRateText, units } from "../format.ts";
import { findPolicy } from "../../inventory/policies/registry.ts";
import {
  type ControlValues,
  POLICY_CONTROLS,
  policyControls,
  settingsOf,
  targetLabel,
} from "./levels.ts";
import { DATA_ELEMENT_ID, decodeProduct, type ExplorerPayload, PAYLOAD_SCHEMA } from "./payload.ts";
import type { ExplorerRecord } from "./record.ts";
import { columnDigits, csvFileName, formatCell, tableCsv } from "./table.ts";
import { type ExplorerControls, explorerView } from "./view.ts";

useChartDocument(() => document);

const root = document.getElementById("explore") as HTMLElement | null;
const NUMERIC = ["horizon", ...POLICY_CONTROLS] as const;

type Input = HTMLInputElement | HTMLSelectElement;

function control(name: string): Input {
  const element = root!.querySelector<Input>(`[name="${name}"]`);
  if (!element) throw new Error(`no control named ${name}`);
  return element;
}

function setText(selector: string, text: string): void {
  const element = root!.querySelector(selector);
  if (element) element.textContent = text;
}

const status = (text: string) => setText("[data-status]", text);

interface Current {
  index: number;
  id: string;
  record: ExplorerRecord;
}

let payload: ExplorerPayload;
let current: Current | undefined;
let drawnSeries = "";
const defaults: Record<string, number> = {};
const cache = new Map<number, Current>();
const indexOf = new Map<string, number>();

/** Timings of the last updates (ms), for the benchmark. */
const timings = {
  update: [] as number[],
  select: [] as number[],
  parts: [] as { view: number; charts: number; table: number }[],
};
/** The SVG strings last drawn, for tests (they must equal the server's for the same input). */
const svgs: Record<string, string> = {};
Object.assign(globalThis, { explorerTimings: timings, explorerSvgs: svgs });

/** The controls' values, or the first invalid control's message (typing passes through "0."). */
function readControls(): ExplorerControls | string {
  const values: Record<string, number> = {};
  for (const name of NUMERIC) {
    const input = control(name) as HTMLInputElement;
    const value = Number(input.value);
    const valid = input.value !== "" && input.validity.valid && Number.isFinite(value);
    if (!valid && !input.disabled) {
      const label = root!.querySelector(`[data-label="${name}"]`)?.textContent ?? name;
      return `${label}: enter a number from ${input.min} to ${input.max}` +
        (input.step && input.step !== "any" ? ` in steps of ${input.step}` : "") + ".";
    }
    values[name] = valid ? value : defaults[name];
  }
  const { horizon, ...settings } = values;
  return { policy: control("policy").value, horizon, values: settings as ControlValues };
}

function figure(name: string, svg: string): void {
  svgs[name] = svg;
  const element = root!.querySelector(`[data-chart="${name}"]`);
  if (element) element.innerHTML = svg; // our serialiser's output: every text is escaped
}

function metric(key: string, text: string, value: number): void {
  const element = root!.querySelector<HTMLElement>(`[data-metric="${key}"]`)!;
  element.textContent = text;
  element.dataset.value = String(value);
}

/** Enables the controls the chosen policy reads and names its target; updates slider outputs. */
function syncControls(policy: string): void {
  const uses = new Set<string>(policyControls(policy));
  for (const name of POLICY_CONTROLS) {
    const input = control(name);
    input.disabled = !uses.has(name);
    input.closest(".control")?.classList.toggle("off", input.disabled);
  }
  setText('[data-label="target"]', targetLabel(policy));
  for (const output of root!.querySelectorAll<HTMLOutputElement>("output[data-for]")) {
    const input = control(output.dataset.for!) as HTMLInputElement;
    const decimals = input.step === "any" ? 2 : (input.step.split(".")[1] ?? "").length;
    output.value = Number(input.value).toFixed(decimals); // "2.00", not "2", for a 0.05 step
  }
}

function render(): void {
  if (!current) return;
  const t0 = performance.now();
  const { record, id, index } = current;
  const policy = control("policy").value;
  syncControls(policy);
  const controls = readControls();
  if (typeof controls === "string") return status(controls);
  const view = explorerView(id, record, payload.run.policyRun, controls);
  const t1 = performance.now();
  status(view.caveat ?? "");
  metric("avg-sales", decimal(view.salesPerDay), view.salesPerDay);
  metric("avg-returns", decimal(view.returnsPerDay), view.returnsPerDay);
  metric("return-rate", returnRateText(view.returnRate), view.returnRate);
  metric("recommended-inventory", units(view.levels.orderUpTo), view.levels.orderUpTo);
  metric("reorder-point", units(view.levels.reorderPoint), view.levels.reorderPoint);
  metric("safety-stock", units(view.levels.safetyStock), view.levels.safetyStock);
  // The sales and returns charts depend on the product and the horizon only.
  const series = `${index}|${view.rows.length}`;
  if (series !== drawnSeries) {
    figure("sales", forecastChart(view.charts.sales));
    figure("returns", forecastChart(view.charts.returns));
    drawnSeries = series;
  }
  figure("inventory", inventoryChart(view.charts.inventory));
  const { settings } = settingsOf(controls.values);
  const cycle = settings.leadTime + settings.reviewPeriod;
  setText("[data-caption]", findPolicy(policy)?.caption(settings, cycle) ?? "");
  const t2 = performance.now();
  const digits = columnDigits(record);
  const fragment = document.createDocumentFragment();
  for (const row of view.rows) {
    const tr = document.createElement("tr");
    row.forEach((cell, i) => {
      const td = document.createElement("td");
      td.textContent = formatCell(cell, i, digits);
      tr.appendChild(td);
    });
    fragment.appendChild(tr);
  }
  root!.querySelector('[data-table="forecast"] tbody')!.replaceChildren(fragment);
  const link = root!.querySelector<HTMLAnchorElement>('[data-download="forecast"]')!;
  link.href = "data:text/csv;charset=utf-8," + encodeURIComponent(tableCsv(view.rows));
  link.download = csvFileName(id, view.rows.length);
  setText("[data-product-name]", id);
  setText("[data-horizon]", String(view.rows.length));
  root!.dataset.product = id;
  const t3 = performance.now();
  timings.update.push(t3 - t0);
  timings.parts.push({ view: t1 - t0, charts: t2 - t1, table: t3 - t2 });
}

function select(index: number): void {
  const t0 = performance.now();
  let next = cache.get(index);
  if (!next) {
    next = { index, id: payload.ids[index], record: decodeProduct(payload, index) };
    if (cache.size >= 50) cache.delete(cache.keys().next().value!);
    cache.set(index, next);
  }
  current = next;
  render();
  timings.select.push(performance.now() - t0);
}

/**
 * The product typed: an exact id, or (when committed: Enter, leaving the box) the one id that
 * contains the text.
 */
function onProduct(event: Event): void {
  const text = control("product").value;
  let index = indexOf.get(text);
  if (index === undefined && event.type === "change" && text.trim() !== "") {
    const needle = text.trim().toLowerCase();
    const matches = payload.ids.flatMap((id, i) => (id.toLowerCase().includes(needle) ? [i] : []));
    if (matches.length === 1) [index] = matches;
  }
  if (index === undefined) {
    if (text !== "") status("No product with that id: pick one from the list.");
    return;
  }
  if (payload.ids[index] !== text) control("product").value = payload.ids[index];
  status("");
  wanted = index;
  schedule();
}

let wanted: number | undefined;
let frame = 0;

/**
 * Updates once per frame, however many input events arrive (a dragged slider sends dozens):
 * the page answers each frame with the latest values.
 */
function schedule(): void {
  if (frame) return;
  frame = requestAnimationFrame(guarded(() => {
    frame = 0;
    if (wanted !== undefined && wanted !== current?.index) select(wanted);
    else render();
  }));
}

function guarded<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      fail(error);
    }
  };
}

function fail(error: unknown): void {
  if (root) status(`The explorer failed: ${error instanceof Error ? error.message : error}`);
  console.error(error);
}

function start(): void {
  const data = document.getElementById(DATA_ELEMENT_ID);
  if (!root || !data) return;
  payload = JSON.parse(data.textContent ?? "");
  if (payload.schema !== PAYLOAD_SCHEMA) {
    throw new Error(
      `page data has schema ${payload.schema}, this explorer reads ${PAYLOAD_SCHEMA}`,
    );
  }
  const options = document.createDocumentFragment();
  payload.ids.forEach((id, i) => {
    indexOf.set(id, i);
    const option = document.createElement("option");
    option.value = id;
    options.appendChild(option);
  });
  root.querySelector("datalist")!.replaceChildren(options);
  for (const name of NUMERIC) {
    defaults[name] = Number((control(name) as HTMLInputElement).defaultValue);
  }
  control("product").addEventListener("input", guarded(onProduct));
  control("product").addEventListener("change", guarded(onProduct));
  for (const name of ["policy", ...NUMERIC]) {
    control(name).addEventListener("input", schedule);
  }
  // A reload may restore typed values: start from the run's defaults and its first product.
  control("product").value = payload.ids[0] ?? "";
  for (const name of ["policy", ...NUMERIC]) {
    const input = control(name);
    if (input instanceof HTMLInputElement) input.value = input.defaultValue;
    else for (const option of input.options) option.selected = option.defaultSelected;
  }
  root.hidden = false;
  if (payload.ids.length > 0) select(0);
  root.dataset.ready = "true";
}

guarded(start)();
