/**
 * `untrusted-forecast` (medium): a target's forecast backtested no better than the benchmark,
 * repeating last week (`snaive7`).
 * @module
 */

import { metricsOf } from "../../../forecast/metrics.ts";
import { BENCHMARK_MODEL } from "../../../forecast/registry.ts";
import { chosenWindows, type TargetResult, TARGETS } from "../../../forecast/dataset/results.ts";
import type { AlertRule, Finding } from "../types.ts";

/** The chosen model's and the benchmark's backtest RMSSE, when the chosen one is no better. */
function noBetterThanBenchmark(result: TargetResult | undefined) {
  if (!result) return undefined;
  const chosen = chosenWindows(result);
  const benchmark = result.backtests.get(BENCHMARK_MODEL.name) ?? [];
  if (chosen.length === 0 || benchmark.length === 0) return undefined;
  // Nothing happened in the backtest days (no returns at all): there was nothing to get wrong.
  if (chosen.every((w) => w.actual.every((v) => v === 0))) return undefined;
  const own = metricsOf(chosen).rmsse;
  const bar = metricsOf(benchmark).rmsse;
  return own >= bar ? { model: result.model, own, bar } : undefined;
}

/** The rule. */
export const untrustedForecast: AlertRule = {
  id: "untrusted-forecast",
  severity: "medium",
  evaluate({ results, backtested }) {
    if (!backtested) return [];
    const bench = BENCHMARK_MODEL.name;
    return TARGETS.flatMap((target): Finding[] => {
      const found = noBetterThanBenchmark(results[target]);
      if (!found) return [];
      return [{
        value: found.own,
        threshold: found.bar,
        message: found.model === bench
          ? `no model forecast ${target} better than repeating last week (${bench}, backtest ` +
            `RMSSE ${found.bar.toFixed(3)})`
          : `the ${target} forecast (${found.model}, backtest RMSSE ${found.own.toFixed(3)}) ` +
            `is no better than repeating last week (${bench}, ${found.bar.toFixed(3)})`,
        action: `treat the ${target} forecast as rough; check the history for breaks and outliers`,
      }];
    });
  },
  describe: () => ({
    text: "a\nforecast whose backtest RMSSE is no better than repeating last week",
  }),
};
