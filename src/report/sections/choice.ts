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
import { findModel } from "../../forecast/registry.ts";
import { backtestSeries } from "../../forecast/dataset/results.ts";

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
          }), so ${best.model} and the other baselines are used
wherever they backtested better.`,
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
  }.${verdicts}</p>`;
}
