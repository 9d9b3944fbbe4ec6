/**
 * Everything the report's sections read, gathered once.
 * @module
 */

import type { SeriesSet } from "../data/series.ts";
import type { DataSummary } from "../data/summary.ts";
import type { ImportSummary } from "../data/import/order_lines.ts";
import type { PlanningResult } from "../inventory/pipeline.ts";
import type { PolicyName, PolicySettings } from "../inventory/policy.ts";
import type { Costs } from "../inventory/compare.ts";
import type { ReportFigures } from "./content.ts";
import type { AlertThresholds } from "../inventory/alerts.ts";
import type { Calendar } from "../data/calendar.ts";
import type { CleaningReport } from "../forecast/context.ts";

/** What the user asked for, as the report states it. */
export interface ReportOptions {
  title: string;
  /** Run date, YYYY-MM-DD. */
  runDate: string;
  /** How the data source is named in the report (a file name). */
  dataLabel: string;
  horizon: number;
  policy: PolicyName;
  settings: PolicySettings;
  costs: Costs;
  candidates: readonly string[];
  seed: number;
  /** Most products with a detail section. */
  detailLimit: number;
}

/** The report's inputs. */
export interface ReportContext extends PlanningResult {
  options: ReportOptions;
  set: SeriesSet;
  summary: DataSummary;
  importMeta?: ImportSummary;
  figures: ReportFigures;
  thresholds: AlertThresholds;
  /** Open and closed days. */
  calendar: Calendar;
  /** Per product: what cleaning changed before the models saw the history. */
  cleaning: Map<string, CleaningReport>;
  versions: { returncast: string; deno: string; tfjs: string };
  /** Index of a product in the set (for anchors). */
  indexOf(productId: string): number;
}
