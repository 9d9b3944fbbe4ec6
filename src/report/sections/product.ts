/**
 * One product's page: sales and returns charts (last 90 days and the forecast with 80 % and 95 %
 * bands), the inventory chart, the first 14 days of the forecast, the backtest leaderboard with
 * the chosen model marked, and the product's alerts.
 * @module
 */

import { type Html, html, raw } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { decimal, percent, productAnchor, returnRateText, units } from "../format.ts";
import { forecastChart, inventoryChart } from "../charts.ts";
import { formatIsoDay } from "../../data/dates.ts";
import { inventoryChartOptions, seriesChartOptions } from "../product_charts.ts";
import type { Target } from "../../forecast/types.ts";
import { metricsOf } from "../../forecast/metrics.ts";
import { alertRows } from "./alerts.ts";
import { resultOf } from "../../forecast/dataset/results.ts";
import { policyNamed } from "../../inventory/policies/registry.ts";
import type { ReportSection } from "./section.ts";

const TABLE_DAYS = 14;

function seriesChart(ctx: ReportContext, productId: string, target: Target): string {
  const product = ctx.set.products[ctx.indexOf(productId)];
  const table = resultOf(ctx.forecast, productId, target);
  return forecastChart(seriesChartOptions(productId, target, {
    history: target === "sales" ? product.sales : product.returns,
    historyStart: product.start,
    forecast: table.forecast,
    firstDay: table.firstDay,
  }, ctx.options.horizon));
}

function inventoryFigure(ctx: ReportContext, productId: string): Html {
  const plan = ctx.plans.get(productId)!;
  const settings = ctx.options.settings;
  const cycle = settings.leadTime + settings.reviewPeriod;
  const policy = policyNamed(plan.policy);
  const svg = inventoryChart(inventoryChartOptions(productId, {
    chart: policy.chart,
    recommended: plan.daily.recommended,
    firstDay: plan.firstDay,
    sales: resultOf(ctx.forecast, productId, "sales").forecast.mean,
    returns: resultOf(ctx.forecast, productId, "returns").forecast.mean,
    cycle,
    reorderPoint: plan.levels.reorderPoint,
  }));
  const caption = policy.caption(settings, cycle);
  return html`<figure>${raw(svg)}<figcaption>${caption}</figcaption></figure>`;
}

function forecastTable(ctx: ReportContext, productId: string): Html {
  const plan = ctx.plans.get(productId)!;
  const s = resultOf(ctx.forecast, productId, "sales").forecast;
  const r = resultOf(ctx.forecast, productId, "returns").forecast;
  const rows = Array.from({ length: Math.min(TABLE_DAYS, ctx.options.horizon) }, (_, h) =>
    html`
      <tr>
        <td>${formatIsoDay(plan.firstDay + h)}</td>
        <td>${decimal(s.mean[h])}</td>
        <td>${decimal(s.lo80[h], 0)}–${decimal(s.hi80[h], 0)}</td>
        <td>${decimal(r.mean[h])}</td>
        <td>${decimal(r.lo80[h], 0)}–${decimal(r.hi80[h], 0)}</td>
        <td>${units(plan.daily.recommended[h])}</td>
      </tr>
    `);
  return html`
    <table>
      <thead>
        <tr>
          <th>date</th>
          <th>sales</th>
          <th>sales 80 % interval</th>
          <th>returns</th>
          <th>returns 80 % interval</th>
          <th>recommended inventory</th>
        </tr>
      </thead>
      <tbody>${rows}</tbody>
    </table>
    <p
      class="note">First ${rows.length} days; all ${ctx.options
        .horizon} days with 95 % intervals are in forecast.csv and plan_daily.csv.</p>
  `;
}

function leaderboard(ctx: ReportContext, productId: string, target: Target): Html {
  const chosen = resultOf(ctx.forecast, productId, target);
  const entries = [...chosen.backtests]
    .filter(([, windows]) => windows.length > 0)
    .map(([model, windows]) => ({ model, m: metricsOf(windows) }))
    .sort((a, b) => a.m.rmsse - b.m.rmsse);
  if (entries.length === 0) return html`<p class="note">${target}: ${chosen.reason}.</p>`;
  const rows = entries.map(({ model, m }) =>
    html`
      <tr class="${model === chosen.model ? "chosen" : ""}">
        <td>${model}</td>
        <td>${decimal(m.mae, 2)}</td>
        <td>${percent(m.wape)}</td>
        <td>${percent(m.wape_week)}</td>
        <td>${decimal(m.rmsse, 3)}</td>
        <td>${percent(m.bias)}</td>
        <td>${percent(m.coverage80, 0)}</td>
        <td>${percent(m.coverage95, 0)}</td>
      </tr>
    `
  );
  return html`
    <div class="block">
      <h3>Backtest: ${target}</h3>
      <table>
        <thead>
          <tr>
            <th>model</th>
            <th>MAE</th>
            <th>WAPE</th>
            <th>WAPE 7-day</th>
            <th>RMSSE</th>
            <th>bias</th>
            <th>80 % cover</th>
            <th>95 % cover</th>
          </tr>
        </thead>
        <tbody>${rows}</tbody>
      </table>
      <p class="note">Chosen: ${chosen.model} — ${chosen.reason}.</p>
    </div>
  `;
}

/** One product's section. */
export function productSection(ctx: ReportContext, productId: string): Html {
  const figures = ctx.figures.products[ctx.indexOf(productId)];
  const plan = ctx.plans.get(productId)!;
  const alerts = ctx.alertsOf(productId);
  return html`<section class="product" id="${productAnchor(ctx.indexOf(productId))}">
<h2>Product ${productId}</h2>
<p>Next ${ctx.options.horizon} days: <strong>${decimal(figures.salesPerDay)}</strong> sales and
<strong>${decimal(figures.returnsPerDay)}</strong> returns per day (return rate ${
    returnRateText(figures.returnRate)
  }).
Order up to <strong>${units(plan.levels.orderUpTo)}</strong> units (safety stock ${
    units(plan.levels.safetyStock)
  },
reorder point ${units(plan.levels.reorderPoint)})${
    plan.order ? html`; order <strong>${units(plan.order.quantity)}</strong> now` : ""
  }. Simulated fill rate ${percent(figures.fillRate)}.</p>
${
    alerts.length > 0
      ? html`
        <table>
          <tbody>${alertRows(alerts, false)}</tbody>
        </table>
      `
      : ""
  }
<figure>${raw(seriesChart(ctx, productId, "sales"))}</figure>
<figure>${raw(seriesChart(ctx, productId, "returns"))}</figure>
${inventoryFigure(ctx, productId)}
<h3>Forecast</h3>
${forecastTable(ctx, productId)}
${leaderboard(ctx, productId, "sales")}
${leaderboard(ctx, productId, "returns")}
</section>`;
}

/** The detail pages: one per product with a detail page, in product order. */
export const PRODUCTS_SECTION: ReportSection = {
  id: "products",
  title: () => "Products",
  contents: (ctx) =>
    ctx.figures.detailed.map((id) => ({
      anchor: productAnchor(ctx.indexOf(id)),
      title: `Product ${id}`,
    })),
  render: (ctx) => ctx.figures.detailed.map((id) => productSection(ctx, id)),
};
