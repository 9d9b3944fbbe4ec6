/**
 * Everything the report's sections read, gathered once from a run: its results and
 * configuration, the facts its files state too, what cleaning changed, and lookups by product.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import type { ImportSummary } from "../data/import/order_lines.ts";
import type { Calendar } from "../data/calendar.ts";
import type { PlanningResult } from "../inventory/pipeline.ts";
import type { Alert } from "../inventory/alerts/types.ts";
import { type CleaningReport, cleaningReport } from "../forecast/context.ts";
import type { RunConfig } from "../config/run_config.ts";
import { type RunFacts, runFacts, type RunInput } from "../outputs/run_input.ts";

/** The report's inputs. */
export interface ReportContext extends PlanningResult, RunFacts {
  /** The run's configuration. */
  options: RunConfig;
  /** The products reported on. */
  set: SeriesSet;
  /** What the import dropped, when the data came from `import`. */
  importMeta?: ImportSummary;
  /** Open and closed days. */
  calendar: Calendar;
  /** Per product: what cleaning changed before the models saw the history. */
  cleaning: Map<string, CleaningReport>;
  /** Index of a product in the set (for anchors). */
  indexOf(productId: string): number;
  /** A product's alerts, most severe first. */
  alertsOf(productId: string): readonly Alert[];
}

/** Everything the report's sections read. */
export function reportContext(input: RunInput, facts: RunFacts = runFacts(input)): ReportContext {
  const { set, planning, options } = input;
  const index = new Map(set.products.map((p, i) => [p.id, i]));
  const byProduct = new Map<string, Alert[]>();
  for (const alert of planning.alerts) {
    const list = byProduct.get(alert.productId);
    if (list) list.push(alert);
    else byProduct.set(alert.productId, [alert]);
  }
  return {
    ...planning,
    ...facts,
    options,
    set,
    importMeta: input.importMeta,
    calendar: input.calendar,
    cleaning: new Map(set.products.map((p) => [p.id, cleaningReport(p, input.calendar)])),
    indexOf: (id) => index.get(id)!,
    alertsOf: (id) => byProduct.get(id) ?? [],
  };
}
