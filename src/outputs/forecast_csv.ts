/**
 * `forecast.csv` (GUIDE §2): `product_id,target,model,date,forecast,lo80,hi80,lo95,hi95`, one row
 * per product, target and forecast day, in product order with sales first; forecasts in units
 * per day with 3 decimals. The columns below are the writer's and the reader's.
 * @module
 */

import { type CsvColumn, formatCsvTable, readCsvRecords } from "../data/csv.ts";
import { formatIsoDay, parseOutputDay } from "../data/dates.ts";
import type { Forecast, Target } from "../forecast/types.ts";
import { resultKey } from "../forecast/dataset/results.ts";
import { DIGITS, roundTo } from "../util/round.ts";

/** A forecast to write: whose, from which day. */
export interface ForecastTable {
  /** Product id. */
  productId: string;
  /** Sales or returns. */
  target: Target;
  /** The model that made it. */
  model: string;
  /** Day number of its first day. */
  firstDay: number;
  /** The forecast. */
  forecast: Forecast;
}

/** One row: a table's day `h`. */
interface Row {
  table: ForecastTable;
  h: number;
}

/** The forecast bounds in column order. */
export const BOUND_COLUMNS = ["forecast", "lo80", "hi80", "lo95", "hi95"] as const;

/** The series of a forecast by its column name. */
export function forecastColumn(forecast: Forecast, name: (typeof BOUND_COLUMNS)[number]) {
  return name === "forecast" ? forecast.mean : forecast[name];
}

/** A forecast from its columns, however they were read. */
export function forecastFromColumns(
  column: (name: (typeof BOUND_COLUMNS)[number]) => Float64Array,
): Forecast {
  return {
    mean: column("forecast"),
    lo80: column("lo80"),
    hi80: column("hi80"),
    lo95: column("lo95"),
    hi95: column("hi95"),
  };
}

const units = (value: number) => roundTo(value, DIGITS.units);

/** The columns of forecast.csv. */
export const FORECAST_CSV: readonly CsvColumn<Row>[] = [
  { name: "product_id", cell: (r) => r.table.productId },
  { name: "target", cell: (r) => r.table.target },
  { name: "model", cell: (r) => r.table.model },
  { name: "date", cell: (r) => formatIsoDay(r.table.firstDay + r.h) },
  ...BOUND_COLUMNS.map((name): CsvColumn<Row> => ({
    name,
    cell: (r) => units(forecastColumn(r.table.forecast, name)[r.h]),
  })),
];

/** The names of forecast.csv's columns. */
export const FORECAST_COLUMNS: readonly string[] = FORECAST_CSV.map((c) => c.name);

/** forecast.csv for `tables`, their first `days` days each (all of them by default). */
export function formatForecastCsv(tables: Iterable<ForecastTable>, days = Infinity): string {
  function* rows(): Generator<Row> {
    for (const table of tables) {
      const n = Math.min(days, table.forecast.mean.length);
      for (let h = 0; h < n; h++) yield { table, h };
    }
  }
  return formatCsvTable(FORECAST_CSV, rows());
}

/** forecast.csv read back: one table per product and target (by `resultKey`), in file order. */
export function parseForecastCsv(text: string, file: string): Map<string, ForecastTable> {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of readCsvRecords(text, file)) {
    const key = resultKey(row.product_id, row.target as Target);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const tables = new Map<string, ForecastTable>();
  for (const [key, group] of groups) {
    tables.set(key, {
      productId: group[0].product_id,
      target: group[0].target as Target,
      model: group[0].model,
      firstDay: parseOutputDay(group[0].date)!,
      forecast: forecastFromColumns((name) => Float64Array.from(group, (r) => Number(r[name]))),
    });
  }
  return tables;
}
