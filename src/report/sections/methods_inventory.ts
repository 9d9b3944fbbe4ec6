/**
 * The inventory part of the methods appendix, in plain words: net demand, the error
 * distribution and its pooling, each policy's rule, the order constraints and large orders, and
 * the replay — every constant read from the code that uses it.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import { decimal, percent } from "../format.ts";
import { criticalFractile } from "../../inventory/policies/fractile.ts";
import { ADI_CUTOFF, CV2_CUTOFF } from "../../inventory/errors/classify.ts";
import { LEVEL_DAYS, MIN_LEVEL_SHARE } from "../../inventory/errors/scale.ts";
import { MAX_POOL_POINTS } from "../../inventory/errors/pooling.ts";
import {
  DEFAULT_CREDIBILITY,
  EXACT_POOL_PRODUCTS,
  MIN_CLASS_OTHERS,
} from "../../inventory/planning/decisions.ts";
import { REPLAY } from "../../inventory/planning/layout.ts";
import { JOIN_HISTORY_DAYS } from "../../inventory/simulation/reviews.ts";
import { RETURNABLE_DAYS } from "../../inventory/simulation/run_policies.ts";
import { FILL_RATE_CURVE } from "../../inventory/simulation/simulate.ts";
import { ORDER_LINE_FLOOR } from "../../inventory/large_orders/order_lines_file.ts";
import { LARGE_ORDER_SHARE } from "../../inventory/alerts/rules/large_orders.ts";

/** The inventory methods. */
export function inventoryMethods(ctx: ReportContext): Html {
  const s = ctx.options.settings;
  const cycle = s.leadTime + s.reviewPeriod;
  const { holding, shortage } = s.costs;
  const fractile = holding + shortage > 0 ? criticalFractile(s.costs, s.reviewPeriod) : NaN;
  const lower = shortage > 0 ? Math.max(0, 1 - (holding * s.reviewPeriod) / shortage) : NaN;
  const plan = ctx.forecast.backtest?.plan;
  return html`
    <h3>Inventory</h3>
    <p><strong>What an order must cover.</strong> Net demand = sales − ρ × returns (ρ = ${s
      .restockRate}:
    the share of returns that can be sold again, back on the shelf the day they come back). An order
    placed today arrives after the lead time L = ${s
      .leadTime} days and must last until the next order
    arrives, R = ${s.reviewPeriod} days later: the protection period of L + R = ${cycle} days. The
    forecast gives its expected net demand; the safety stock covers the forecast's errors.</p>
    <p><strong>The forecast's own errors.</strong> The planning backtest forecast every ${plan
      ? html`${s.reviewPeriod} days (${plan.cutoffs.length} origins)`
      : html`R days`} ${plan
      ? html`${plan.horizon} days ahead`
      : ""}, with every candidate model, from data
    before each origin only. For each product the errors (actual − forecast) of the ${cycle}-day
    net-demand totals of its chosen models make an empirical distribution — no normal curve is
    assumed. A product with few error samples borrows from similar products: those of its demand class
    (Syntetos–Boylan–Croston: an average interval between sales above ${ADI_CUTOFF} days is
    intermittent or lumpy, a squared variation of sale sizes above ${CV2_CUTOFF} erratic or lumpy; all
    products when a class has fewer than ${MIN_CLASS_OTHERS} others). Errors are compared per unit of
    demand (smooth demand: the sales its forecast expected over those ${cycle} days; erratic: the mean of
    the ${LEVEL_DAYS} days before each forecast; both at least ${percent(MIN_LEVEL_SHARE, 0)} of the
    long-run mean; intermittent and lumpy: the long-run mean), and the product's own errors weigh n ÷ (n + k): n its own windows, k estimated from
    how much the products' errors differ (Bühlmann credibility; ${DEFAULT_CREDIBILITY} when it cannot
    be estimated). A pool of many products is summarised by ${MAX_POOL_POINTS} points; up to ${EXACT_POOL_PRODUCTS}
    products the product itself is left out of its pool. Each product's σ, number of samples and pool
    weight are in plan.csv.</p>
    <p><strong>The policies.</strong> With the stock on the shelf and on order known at a review, a sale
    lost before the order arrives uses no stock (lost sales), so each error sample gives what this order
    must cover: the cycle's demand beyond what will be left on the shelf when it arrives.</p>
    <ul>
      <li><code>fill-rate</code> (β = ${percent(
        s.fillRate,
        1,
      )}, the default): the smallest order whose
    expected units lost (the loss function of the needs, E[(need − Q)⁺]) are at most ${percent(
      1 - s.fillRate,
      1,
    )} of the cycle's expected demand.</li>
      <li><code>cycle-service</code> (α = ${percent(
        s.cycleService,
        1,
      )}; <code>--service-level</code> is
    its old name): the order covers the α-quantile of the needs under the pooled error distribution
    — the pool supplies the tail a product's few own windows cannot show.</li>
      <li><code>cost</code>: the order at which one more unit costs as much holding (${holding} per
    unit-day, counted day by day while it waits on the shelf) as the lost sales (${shortage} per unit) it
    saves — solved on the error distribution. Its chance of covering a cycle lies between 1 − h·R/p =
    ${decimal(lower, 3)} and the textbook fractile p / (p + h·R) = ${decimal(fractile, 3)}, which
    counts holding only for units left over and so overstocks; the one-day ratio p / (p + h) would hold
    about R times too much.</li>
      <li><code>multiplier</code>: the original design's (forecast sales − forecast returns) × ${s
        .safetyFactor}
    over the protection period, kept for comparison.</li>
    </ul>
    <p>A plan without stock data (and each product's first review) uses the same rules on the whole
    protection period. The reorder point is the lead time's expected net demand plus the lead-time
    errors at the same chance of no stockout.</p>
    <p><strong>Order constraints and large orders.</strong> With <code>--order-constraints</code>
    orders are rounded up to whole case packs and at least the minimum order (the cost policy compares
    nothing, the feasible quantity below and the one above its optimum, and orders the cheapest), and a
    product's own lead time replaces L. Order lines of ${ORDER_LINE_FLOOR} units or more are passed on
    by <code>import</code> (FILE.orders.csv); the plan says how much of each product's safety stock the
    lines above ${ctx.options.largeOrderUnits ??
      "its expected L + R days' demand"} cause (the policy asked again with them taken out of the errors) and what holding that stock
    costs a year, and alerts when they cause ${percent(LARGE_ORDER_SHARE, 0)} or more.
    <code>--large-order-units N</code> serves the lines above N from outside stock: the shelf is planned
    and judged on the rest, and their units are counted apart.</p>
    <p><strong>The replay.</strong> Every policy is replayed over the last ${REPLAY
      .maxWeeks} weeks the
    data allows (at least ${REPLAY.minWeeks}) after a warm-up of ${REPLAY
      .warmupDays} days or more that
    is not counted, each product continuously: orders every R days arriving after L, the forecast made
    on each review day by the models <code>auto</code> would have chosen then (on the backtest windows
    that had ended), error samples of forecasts whose days had passed, lost sales, and returns that
    count only for units that had been sold (the ${RETURNABLE_DAYS} days of sales before the replay may
    still come back). A product joins at its first review with ${JOIN_HISTORY_DAYS} days of history. The
    shelf starts with the first review's level. Baselines were refitted every ${REPLAY
      .refitDays} days,
    networks trained once and rolled forward. The trade-off chart repeats the replay for fill-rate
    targets ${FILL_RATE_CURVE.map((t) => percent(t, 1)).join(", ")} and multiplier factors from 0.5;
    the multiplier "matched in hindsight" is the factor that reaches the fill-rate policy's fill rate on
    the replayed days themselves — a benchmark, not a policy.</p>
  `;
}
