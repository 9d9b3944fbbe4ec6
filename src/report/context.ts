/**
 * Everything the report's sections read, gathered once from a run: the run's results and
 * configuration, the data summary, the figures, what cleaning changed, and lookups by product.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import { type DataSummary, summarise } from "../data/summary.ts";
import type { ImportSummary } from "../data/import/order_lines.ts";
import type { Calendar } from "../data/calendar.ts";
import type { PlanningResult } from "../inventory/pipeline.ts";
import type { Alert } from "../inventory/alerts/types.ts";
import { type CleaningReport, cleaningReport } from "../forecast/context.ts";
import type { RunConfig } from "../config/run_config.ts";
import { TFJS_VERSION, VERSION } from "../version.ts";
import { type ReportFigures, reportFigures } from "./content.ts";

/** The inputs of a report (and of a run's data files). */
export interface ReportInput {
  set: SeriesSet;
  planning: PlanningResult;
  /** The run's configuration. */
  options: RunConfig;
  importMeta?: ImportSummary;
  /** Open and closed days (cleaning and closed-day handling are described from it). */
  calendar: Calendar;
  /** SHA-256 of the data file. */
  dataFingerprint: string;
}

/** The report's inputs. */
export interface ReportContext extends PlanningResult {
  options: RunConfig;
  set: SeriesSet;
  summary: DataSummary;
  importMeta?: ImportSummary;
  figures: ReportFigures;
  /** Open and closed days. */
  calendar: Calendar;
  /** Per product: what cleaning changed before the models saw the history. */
  cleaning: Map<string, CleaningReport>;
  versions: { returncast: string; deno: string; tfjs: string };
  /** Index of a product in the set (for anchors). */
  indexOf(productId: string): number;
  /** A product's alerts, most severe first. */
  alertsOf(productId: string): readonly Alert[];
}

/** Everything the report's sections read. */
export function reportContext(input: ReportInput): ReportContext {
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
    options,
    set,
    summary: summarise(set),
    importMeta: input.importMeta,
    figures: reportFigures(set, planning, options.horizon, options.detailLimit),
    calendar: input.calendar,
    cleaning: new Map(set.products.map((p) => [p.id, cleaningReport(p, input.calendar)])),
    versions: { returncast: VERSION, deno: Deno.version.deno, tfjs: TFJS_VERSION },
    indexOf: (id) => index.get(id)!,
    alertsOf: (id) => byProduct.get(id) ?? [],
  };
}
