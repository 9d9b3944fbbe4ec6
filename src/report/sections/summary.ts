/**
 * The executive summary: across all products and per product, the original design's four
 * figures (average forecast sales and returns per day, return rate, recommended inventory), the
 * backtest accuracy of the chosen models and the simulated fill rate of the policy.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { decimal, percent, productAnchor, returnRateText, units } from "../format.ts";
import { modelChoiceNote } from "./choice.ts";
import type { ReportSection } from "./section.ts";
import { printedNote, printedRows, rowAttributes } from "./print_limit.ts";

const TITLE = "Executive summary";
const PRINTED_WHICH =
  "the products with a detail page and those with the most forecast sales, in the table's order";

/** The summary section. */
function summarySection(ctx: ReportContext): Html {
  const { total, products, detailed } = ctx.figures;
  const policy = ctx.options.policy;
  const card = (value: string, label: string) =>
    html`
      <div class="card">
        <div class="value">${value}</div>
        <div class="label">${label}</div>
      </div>
    `;
  const high = ctx.alerts.filter((a) => a.severity === "high").length;
  const detailedSet = new Set(detailed);
  const printed = printedRows(
    products.map((p) => p.salesPerDay),
    new Set(products.flatMap((p, i) => detailedSet.has(p.productId) ? [i] : [])),
  );
  const rows = products.map((p, i) => {
    const name = detailedSet.has(p.productId)
      ? html`<a href="#${productAnchor(ctx.indexOf(p.productId))}">${p.productId}</a>`
      : html`${p.productId}`;
    const count = ctx.alertsOf(p.productId).length;
    const row = rowAttributes(printed, i);
    // deno-fmt-ignore (the formatter indents the closing tag after an attribute placeholder)
    return html`
      <tr${row}>
        <td>${name}</td>
        <td>${decimal(p.salesPerDay)}</td>
        <td>${decimal(p.returnsPerDay)}</td>
        <td>${returnRateText(p.returnRate)}</td>
        <td>${units(p.recommendedInventory)}</td>
        <td class="text model">${p.models.sales}</td>
        <td>${percent(p.wape.sales)}</td>
        <td class="text model">${p.models.returns}</td>
        <td>${percent(p.wape.returns)}</td>
        <td>${percent(p.fillRate)}</td>
        <td>${count || ""}</td>
      </tr>
    `;
  });
  return html`<section id="${SUMMARY_SECTION.id}"><h2>${TITLE}</h2>
<div class="cards">
${card(decimal(total.salesPerDay), "average forecast sales per day, all products")}
${card(decimal(total.returnsPerDay), "average forecast returns per day")}
${card(returnRateText(total.returnRate), "forecast return rate")}
${
    card(
      units(total.recommendedInventory),
      `recommended inventory (${policy} order-up-to levels, units)`,
    )
  }
${card(percent(total.wape.sales), `sales forecast error (backtest WAPE of the chosen models)`)}
${card(percent(total.fillRate), `simulated fill rate of the ${policy} policy`)}
</div>
<p>${ctx.alerts.length} alert${ctx.alerts.length === 1 ? "" : "s"}${
    high ? html`, <strong>${high} of high severity</strong>` : ""
  }. Returns forecast error (WAPE): ${
    percent(total.wape.returns)
  }. Figures per day are averages over the
next ${ctx.options.horizon} days; recommended inventory is the level to order up to now (stock on hand plus on
order), covering ${
    ctx.options.settings.leadTime + ctx.options.settings.reviewPeriod
  } days of net demand plus safety stock.</p>
<table><thead><tr><th>product</th><th>sales / day</th><th>returns / day</th><th>return rate</th>
<th>recommended inventory</th><th class="text">sales model</th><th>sales WAPE</th><th class="text">returns model</th>
<th>returns WAPE</th><th>fill rate (sim.)</th><th>alerts</th></tr></thead>
<tbody>${rows}</tbody></table>${
    printedNote(printed.size, products.length, PRINTED_WHICH, "report.html and plan.csv")
  }
${modelChoiceNote(ctx)}
${
    detailed.length < products.length
      ? html`<p class="note">Detail pages follow for the ${detailed.length} products with high-severity alerts and
the most volume; every product's figures are in the table above and in the CSV files.</p>`
      : ""
  }
</section>`;
}

/** The executive summary. */
export const SUMMARY_SECTION: ReportSection = {
  id: "summary",
  title: () => TITLE,
  render: summarySection,
};
