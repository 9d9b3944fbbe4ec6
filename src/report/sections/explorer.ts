/**
 * "Explore", the report's interactive part, at the top of the page: a product picker, the
 * horizon, the policy and its settings; the six figures, the three charts and the forecast table
 * with a CSV download, all redrawn in the page by the bundled explorer (`explorer/main.ts`) from
 * the run's data. Markup through the escaping `html` tag; the data and the code go into
 * `<script>` elements through `embed.ts`, right after the section, so the explorer starts while
 * the rest of a long report is still loading. Hidden in print and out of the table of contents:
 * the PDF keeps the static pages.
 * @module
 */

import { type Html, html, raw } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { checkInlineScript, scriptJson } from "../embed.ts";
import { EXPLORER_JS } from "../explorer/bundle.gen.ts";
import { type ControlSpec, numericControls } from "../explorer/controls.ts";
import { controlValues, policyChoices } from "../explorer/levels.ts";
import { explorerPayload } from "../explorer/page_data.ts";
import { DATA_ELEMENT_ID, type ExplorerPayload } from "../explorer/payload.ts";
import { TABLE_COLUMNS } from "../explorer/table.ts";
import type { ReportSection } from "./section.ts";

/** The explorer's CSS (screen only: the section is not printed). */
const EXPLORER_CSS = `
#explore { border: 1px solid var(--rule); border-radius: 6px; padding: 2px 16px 12px; margin: 16px 0 8px; }
#explore h2 { margin-top: 12px; }
#explore .controls { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
  gap: 8px 16px; margin: 10px 0 8px; font-size: 13px; }
#explore .control { display: grid; gap: 2px; align-content: start; }
#explore .control.wide { grid-column: span 2; }
#explore .control label { color: var(--muted); font-size: 12px; }
#explore .control.off label { opacity: .6; }
#explore .row { display: flex; gap: 6px; align-items: center; }
#explore input[type=range] { flex: 1; min-width: 0; }
#explore input, #explore select { font: inherit; }
#explore input[type=number], #explore input[name=product], #explore select { width: 100%; padding: 2px 4px; }
#explore output { min-width: 2.6em; text-align: right; font-variant-numeric: tabular-nums; }
#explore input:disabled, #explore select:disabled { opacity: .45; }
#explore [data-status]:empty { display: none; }
#explore [data-status] { color: var(--high); font-size: 13px; }
#explore dl.cards { margin: 10px 0; }
#explore .card dd { margin: 0; }
#explore .table-wrap { max-height: 420px; overflow: auto; border-bottom: 1px solid var(--rule); }
#explore .table-wrap table { margin: 0; }
#explore .table-wrap thead th { position: sticky; top: 0; }
#explore :focus-visible { outline: 2px solid #1f5fa8; outline-offset: 1px; }
@media print { #explore { display: none !important; } }
@media screen {
  section.product, #summary, #alerts, #policies, #methods {
    content-visibility: auto; contain-intrinsic-size: auto 1200px; }
}
`;
// content-visibility: Chromium lays the static sections out only when they scroll into view, so
// a report of 10,000 products answers the explorer's keyboard within ~2 s instead of ~10 s
// (RESEARCH-15 §5). Print lays everything out as before.

const METRICS: readonly [string, string][] = [
  ["avg-sales", "Average forecast sales per day"],
  ["avg-returns", "Average forecast returns per day"],
  ["return-rate", "Return rate (forecast returns ÷ sales)"],
  ["recommended-inventory", "Recommended inventory (order-up-to level)"],
  ["reorder-point", "Reorder point"],
  ["safety-stock", "Safety stock"],
];

function control(spec: ControlSpec): Html {
  const id = `explore-${spec.name}`;
  const input = html`
    <input type="${spec.kind}" id="${id}" name="${spec.name}" min="${spec.min}" max="${spec.max}"
      step="${spec.step}" value="${spec.value}" ${spec.kind === "number"
        ? raw(' inputmode="decimal"')
        : ""}>
  `;
  return html`
    <div
      class="control"><label for="${id}" data-label="${spec.name}">${spec
        .label}</label>${spec.kind === "range"
        ? html`
          <span
            class="row">${input}<output for="${id}" data-for="${spec.name}">${spec
              .value}</output></span>
        `
        : input}</div>
  `;
}

/** The section's markup (hidden until its script has started). */
function explorerMarkup(payload: ExplorerPayload): Html {
  const { run } = payload;
  const [horizon, ...settings] = numericControls(
    run.horizon,
    run.forecastDays,
    controlValues(run.settings, run.costs, run.policy),
  );
  const policies = policyChoices().map((p) =>
    html`
      <option value="${p.id}" ${p.id === run.policy ? raw(" selected") : ""}>${p.label}</option>
    `
  );
  return html`
    <section id="explore" hidden aria-labelledby="explore-title">
      <h2 id="explore-title">Explore</h2>
      <p
        class="note">Pick a product and move the controls. The stock levels are computed in this page by the same code as
    <code>deno task plan</code>, from this run's forecasts and backtest errors; the defaults are the run's settings. Not printed.</p>
      <div class="controls" role="group" aria-label="Explorer settings">
    <div class="control"><label for="explore-product">Product (type to filter)</label><input id="explore-product" name="product" list="explore-products" value="${payload
      .ids[0] ?? ""}" autocomplete="off" spellcheck="false"></div>
    <datalist id="explore-products"></datalist>
    ${control(horizon)}
    <div class="control wide"><label for="explore-policy">Policy</label><select id="explore-policy" name="policy">${policies}</select></div>
    ${settings.map(control)}
      </div>
      <p data-status role="status" aria-live="polite"></p>
      <h3>Product <span data-product-name>${payload.ids[0] ??
        ""}</span>: next <span data-horizon>${run.horizon}</span> days</h3>
      <dl class="cards">${METRICS.map(([key, label]) =>
        html`
          <div class="card">
            <dt class="label">${label}</dt>
            <dd class="value" data-metric="${key}">–</dd>
          </div>
        `
      )}</dl>
      <figure data-chart="sales"></figure>
      <figure data-chart="returns"></figure>
      <figure>
        <div data-chart="inventory"></div>
        <figcaption data-caption></figcaption>
      </figure>
      <h3>Forecast</h3>
      <p><a data-download="forecast" href="#" download="forecast.csv">Download CSV</a> of this table (the numbers as shown).</p>
      <div class="table-wrap">
        <table data-table="forecast">
          <thead>
            <tr>${TABLE_COLUMNS.map((c) => html`<th>${c.replaceAll("_", " ")}</th>`)}</tr>
          </thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
  `;
}

/** The page data (JSON) and the explorer's code: two inline scripts. */
export function explorerScripts(payload: ExplorerPayload, code = EXPLORER_JS): Html {
  return html`<script type="application/json" id="${DATA_ELEMENT_ID}">${
    raw(scriptJson(payload))
  }</script>
<script>${raw(checkInlineScript(code))}</script>`;
}

/** The explorer: before the table of contents, and not listed in it. */
export const EXPLORER_SECTION: ReportSection = {
  id: "explore",
  title: () => "Explore",
  contents: () => [],
  beforeContents: true,
  css: EXPLORER_CSS,
  render(ctx: ReportContext) {
    const payload = explorerPayload(ctx);
    return html`${explorerMarkup(payload)}
${explorerScripts(payload)}`;
  },
};
