/**
 * `alerts.csv`: one row per alert, most severe first — product, severity, rule, the value and the
 * threshold behind it (3 decimals), what was found and what to do. Written and read with the
 * same columns.
 * @module
 */

import { type CsvColumn, formatCsvTable } from "../data/csv.ts";
import type { Alert, Severity } from "../inventory/alerts/types.ts";
import { DIGITS, roundTo } from "../util/round.ts";

/** The columns of alerts.csv. */
const ALERT_COLUMNS: readonly CsvColumn<Alert>[] = [
  { name: "product_id", cell: (a) => a.productId },
  { name: "severity", cell: (a) => a.severity },
  { name: "rule", cell: (a) => a.rule },
  { name: "value", cell: (a) => roundTo(a.value, DIGITS.alert) },
  { name: "threshold", cell: (a) => roundTo(a.threshold, DIGITS.alert) },
  { name: "message", cell: (a) => a.message },
  { name: "action", cell: (a) => a.action },
];

/** alerts.csv. */
export function formatAlertsCsv(alerts: readonly Alert[]): string {
  return formatCsvTable(ALERT_COLUMNS, alerts);
}

/** One alerts.csv row read back. */
export function alertFromRow(r: Record<string, string>): Alert {
  return {
    productId: r.product_id,
    severity: r.severity as Severity,
    rule: r.rule,
    value: Number(r.value),
    threshold: Number(r.threshold),
    message: r.message,
    action: r.action,
  };
}
