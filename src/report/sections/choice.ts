/**
 * Which models `auto` chose and how the LSTM fared against the baselines — so a reader knows when
 * the neural network lost on their data and a simpler model is used instead.
 * @module
 */

import { type Html, html } from "../html.ts";
import type { ReportContext } from "../context.ts";
import type { Target } from "../../forecast/types.ts";
import { pooledMetrics } from "../../forecast/metrics.ts";
import { comparableSeries } from "../../forecast/backtest/align.ts";
import { decimal } from "../format.ts";
import { findModel, zeroModel } from "../../forecast/registry.ts";
import { backtestSeries } from "../../forecast/dataset/results.ts";
import { NO_RETURNS_REASON } from "../../forecast/select.ts";

/** Count of products per chosen model for a target, most used first: "ets 12, lstm 3". */
function counts(ctx: ReportContext, target: Target): string {
  const tally = new Map<string, number>();
  for (const result of ctx.forecast.results.values()) {
    if (result.target === target) tally.set(result.model, (tally.get(result.model) ?? 0) + 1);
  }
  return [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m, n]) =>
    `${m} ${n}`
  ).join(", ");
}

/** Pooled backtest RMSSE of a model for a target, over the products every model was scored on. */
function pooled(ctx: ReportContext, target: Target, model: string): number {
  const series = comparableSeries(backtestSeries(ctx.forecast), target).series.filter((s) =>
    s.model === model
  );
  return series.length > 0 ? pooledMetrics(series.map((s) => s.windows)).rmsse : NaN;
}

/** One paragraph on the models chosen, and a sentence per target where the LSTM lost. */
export function modelChoiceNote(ctx: ReportContext): Html {
  const candidates = ctx.options.candidates;
  const lstms = candidates.filter((m) => findModel(m)?.network !== undefined);
  const baselines = candidates.filter((m) => findModel(m)?.network === undefined);
  const verdicts = (["sales", "returns"] as const).flatMap((target) =>
    lstms.flatMap((lstm) => {
      const own = pooled(ctx, target, lstm);
      const best = baselines
        .map((m) => ({ model: m, rmsse: pooled(ctx, target, m) }))
        .filter((b) => Number.isFinite(b.rmsse))
        .sort((a, b) => a.rmsse - b.rmsse)[0];
      if (!Number.isFinite(own) || !best) return [];
      return own > best.rmsse
        ? [
          html` For ${target}, ${lstm} did not beat the best baseline (pooled backtest RMSSE ${
            decimal(own, 3)
          } against ${best.model} ${
            decimal(best.rmsse, 3)
          }), so it is used only where it was clearly better than the model best across
products.`,
        ]
        : [html`
          For ${target}, ${lstm} beat every baseline on pooled backtest RMSSE (${decimal(
            own,
            3,
          )} against ${best.model} ${decimal(best.rmsse, 3)}).
        `];
    })
  );
  return html`<p>Models chosen by backtest — sales: ${counts(ctx, "sales")}; returns: ${
    counts(ctx, "returns")
  }.${verdicts}${
    noReturnsNote(
      ctx.forecast.results.values(),
      ctx.summary.products.length,
      !!ctx.forecast.backtest,
    )
  }</p>`;
}

/** Most products named in the sentence on returns forecast as zero; more are counted. */
export const NAMED_PRODUCTS = 20;

/** The ids as prose ("A, B and C"), or the first {@link NAMED_PRODUCTS} of them. */
function named(ids: readonly string[]): string {
  if (ids.length > NAMED_PRODUCTS) {
    return `the first ${NAMED_PRODUCTS}: ${ids.slice(0, NAMED_PRODUCTS).join(", ")}`;
  }
  return ids.length < 2 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids.at(-1)}`;
}

/** What {@link noReturnsNote} reads of one forecast result. */
export interface ChosenModel {
  /** Product id. */
  productId: string;
  /** Target forecast. */
  target: Target;
  /** Model used. */
  model: string;
  /** Why it was used. */
  reason: string;
}

/**
 * The sentences naming the products whose returns are forecast as zero, and why: forecasting
 * none was best across products and no returns model was clearly better on their own backtest
 * windows; or it did best there by the rule of `select.ts` otherwise; or (without a backtest)
 * `--model zero` was asked for. Empty when no product's returns are forecast as zero.
 * @example
 * ```ts
 * import { noReturnsNote } from "./choice.ts";
 * const note = noReturnsNote([{ productId: "A", target: "returns", model: "zero",
 *   reason: "no returns forecast: …" }], 2, true);
 * if (!note.includes("1 of 2 products (A)")) throw new Error(note);
 * ```
 */
export function noReturnsNote(
  results: Iterable<ChosenModel>,
  products: number,
  backtested: boolean,
): string {
  const none = [...results].filter((r) => r.target === "returns" && r.model === zeroModel.name);
  if (none.length === 0) return "";
  const anchored = none.filter((r) => r.reason.startsWith(NO_RETURNS_REASON));
  const beaten = none.filter((r) => !r.reason.startsWith(NO_RETURNS_REASON));
  const count = (n: number) => (n === products ? "every product" : `${n} of ${products} products`);
  const sentences = [];
  if (anchored.length > 0) {
    sentences.push(
      ` Returns are forecast as zero for ${count(anchored.length)} (${
        named(anchored.map((r) => r.productId))
      }): forecasting none had the lowest backtest RMSSE across products, and on these products' ` +
        "own backtest windows no returns model was clearly better in both RMSSE and 7-day totals.",
    );
  }
  if (beaten.length > 0) {
    const why = backtested
      ? "by the rule in Methods, forecasting none did best on their own backtest windows"
      : "--model zero was asked for";
    sentences.push(
      ` Returns are forecast as zero for ${count(beaten.length)} (${
        named(beaten.map((r) => r.productId))
      }): ${why}.`,
    );
  }
  return sentences.join("") + " A product's detail page gives its figures.";
}
