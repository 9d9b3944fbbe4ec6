/**
 * The methods appendix: how the data was checked, the models, the intervals, the policy formulas
 * and the simulation — enough for a reader to trust (or question) the numbers.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { percent, units } from "../format.ts";
import { findModel } from "../../forecast/registry.ts";
import { formatIsoDay } from "../../data/dates.ts";
import { describeCalendar } from "../../data/calendar.ts";
import { NEIGHBOURS, SPIKE_FACTOR } from "../../data/clean.ts";
import { CALIBRATION_ORIGINS } from "../../forecast/calibrate.ts";
import { CLEAR_ADVANTAGE_T } from "../../forecast/select/evidence.ts";
import { ANCHOR_SAMPLE_SIZE } from "../../forecast/select/anchor.ts";
import { YEARLY } from "../../forecast/yearly/profile.ts";
import { type BacktestPlan, MIN_PAST_WINDOWS } from "../../forecast/backtest/plan.ts";
import type { ReportSection } from "./section.ts";
import { inventoryMethods } from "./methods_inventory.ts";

const TITLE = "Methods";

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** A small whole number in words, as prose writes it ("six"); larger ones in digits. */
function inWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < WORDS.length ? WORDS[n] : String(n);
}

function cleaningNote(ctx: ReportContext): Html {
  const reports = [...ctx.cleaning.values()];
  const clipped = reports.reduce((n, r) => n + r.clippedSales + r.clippedReturns, 0);
  const clippedProducts = [...ctx.cleaning.entries()].filter(([, r]) =>
    r.clippedSales + r.clippedReturns > 0
  );
  const imputed = reports.reduce((n, r) => n + r.imputedDays, 0);
  return html`<p>Shop calendar: ${
    describeCalendar(ctx.calendar)
  }. Closed days are not demand of 0: models
train with holidays on normally open weekdays filled from the same weekday around them (${
    units(imputed)
  }
product-days), forecasts are 0 on closed days ahead, and closed days are left out of the accuracy figures.
Isolated spikes above ${SPIKE_FACTOR} × the typical non-zero day of the surrounding ${
    inWords((2 * NEIGHBOURS) / 7)
  } weeks were capped
for training only (${units(clipped)} product-days${
    clippedProducts.length > 0 ? html`, in ${clippedProducts.length} products` : ""
  }); forecasts are still judged against what actually happened.</p>`;
}

function dataChecks(ctx: ReportContext): Html {
  const s = ctx.summary;
  const meta = ctx.importMeta;
  const dropped = meta
    ? Object.entries(meta.dropped).map(([reason, count]) =>
      html`<li>${units(count ?? 0)} lines: ${reason}</li>`
    )
    : [];
  return html`<h3>Data</h3>
<p>${s.products.length} products, ${formatIsoDay(s.first)} to ${formatIsoDay(s.last)}, ${
    units(s.values)
  } daily
values; ${
    units(s.filledDays)
  } days missing inside a product's span were filled with 0. Every row was checked:
dates, product ids, non-negative finite sales and returns, no duplicate (date, product). Units sold: ${
    units(s.sales)
  }; returned: ${units(s.returns)} (${percent(s.sales > 0 ? s.returns / s.sales : 0)}).</p>
${
    meta
      ? html`<p>Imported from order lines (${meta.layout} layout): ${
        units(meta.linesRead)
      } lines read,
${units(meta.salesLines)} counted as sales, ${
        units(meta.returnLines)
      } as returns (cancellations); dropped:</p>
<ul>${dropped}${
        meta.megaOrders.length
          ? html`<li>${meta.megaOrders.length} mistaken mega-orders with their cancellations</li>`
          : ""
      }</ul>`
      : ""
  }`;
}

/** When the time of year is used, and whether it was on this data. */
function timeOfYear(ctx: ReportContext): Html {
  const days = ctx.summary.last - ctx.summary.first + 1;
  const used = days > YEARLY.minDays
    ? html`This data spans ${units(days)} days, so the forecast uses the time of year (and so do the
backtest windows whose cutoff had more than a year of history behind it).`
    : html`This data spans ${units(days)} days, so the time of year is not used.`;
  return html`<p>Where the shop's history spans more than a year (${YEARLY.minDays} days), sales models fit
on the sales divided by a yearly profile and their forecasts are multiplied back: the profile is pooled across products
(${YEARLY.harmonics} yearly harmonics of weekly sales, shrunk toward flat where the evidence is thin), and each product with
more than a year of its own history moves toward its own season as far as its data allow. With a year or less nothing
changes. ${used}</p>`;
}

/** How `auto` chose, with the constants it uses. */
function choiceRule(ctx: ReportContext): Html {
  if (!ctx.forecast.backtest) return html`<p>One model was asked for (<code>--model</code>):</p>`;
  const products = ctx.summary.products.length;
  const pooled = products > ANCHOR_SAMPLE_SIZE
    ? html`a fixed sample of ${ANCHOR_SAMPLE_SIZE} of the ${units(products)} products`
    : html`the ${units(products)} products`;
  return html`<p>Sales and returns are forecast per product with the model best across products — the lowest
backtest RMSSE (error scaled by the error of repeating last week) pooled over ${pooled}, among the candidates that
are not networks — unless another candidate was clearly better on that product's own backtest windows: better in both
RMSSE and the error of 7-day totals, each by a one-sided paired t-test over the windows at t ≥ ${CLEAR_ADVANTAGE_T}
(95 %), windows that share days counted as the evidence they are. So a few windows do not pick a lucky model; and
where forecasting no returns is best across products, a product's returns are forecast as none unless a returns model
clearly beats that on its own windows (its page says which). Candidates:</p>`;
}

/** How often the backtest refitted the models, in words. */
function refits(plan: BacktestPlan): string {
  const words = (every: number, who: string) =>
    every === 0
      ? `${who} fitted once at the first cutoff and rolled forward`
      : every === 1
      ? `${who} refitted at every cutoff`
      : `${who} refitted at every ${every}th cutoff and rolled forward in between`;
  const network = plan.networkRefitEvery;
  return network === undefined || network === plan.refitEvery
    ? words(plan.refitEvery, "models")
    : `${words(plan.refitEvery, "baselines")}, ${words(network, "networks")}`;
}

/** The methods section. */
function methodsSection(ctx: ReportContext): Html {
  const o = ctx.options;
  const models = o.candidates.map((name) => {
    const model = findModel(name);
    return html`<li><code>${name}</code>: ${model?.description ?? ""}</li>`;
  });
  const plan = ctx.forecast.backtest?.plan;
  return html`<section id="${METHODS_SECTION.id}"><h2>${TITLE}</h2>
${dataChecks(ctx)}
${cleaningNote(ctx)}
<h3>Forecasts</h3>
${choiceRule(ctx)}<ul>${models}</ul>
${timeOfYear(ctx)}
<p>Returns models receive the forecast of the product's chosen sales model: returns follow sales.
${
    plan
      ? html`Backtest: ${plan.cutoffs.length} cutoffs from ${formatIsoDay(plan.cutoffs[0])} to ${
        formatIsoDay(plan.cutoffs[plan.cutoffs.length - 1])
      }, each forecasting ${plan.horizon} days; ${refits(plan)}. WAPE = Σ|error| ÷
Σ actual; WAPE 7-day uses weekly totals; RMSSE and MASE divide by the in-sample error of repeating last week.
Models are compared on the same windows: a window one model could not forecast (too little history) counts for none.`
      : ""
  }</p>
<p>Intervals (80 % and 95 %) come from each model's own errors: the fitted model forecasts from up to ${CALIBRATION_ORIGINS} origins
inside its history, the errors per horizon step (scaled by √(forecast + 1)) give the quantiles, with the split-conformal
correction; bounds are clipped at 0. In the backtest, once ${MIN_PAST_WINDOWS} earlier windows have ended, a window's intervals
come from their errors instead (the backtest is its own calibration set); until then the calibration of the fit a window is
forecast with serves every window of that fit (all its origins lie before the fit's cutoff).</p>
${inventoryMethods(ctx)}
<p class="note">Seed ${o.seed}: the same data and seed give the same numbers.</p>
</section>`;
}

/** The methods appendix. */
export const METHODS_SECTION: ReportSection = {
  id: "methods",
  title: () => TITLE,
  render: methodsSection,
};
