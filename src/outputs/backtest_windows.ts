/**
 * A product's backtest windows rebuilt from backtest.csv rows: the forecasts and actuals as
 * written, with what the file leaves out (the open days and the scales of the errors) from the
 * product's history.
 * @module
 */

import { parseOutputDay } from "../data/dates.ts";
import type { SeriesSet } from "../data/series.ts";
import { type Calendar, openMask } from "../data/calendar.ts";
import { type NaiveScales, naiveScales } from "../forecast/metrics.ts";
import type { BacktestWindow } from "../forecast/backtest/series.ts";
import { forecastFromColumns } from "./forecast_csv.ts";
import type { ProductBacktestRows } from "./backtest_csv.ts";
import { resultKey } from "../forecast/dataset/results.ts";
import { compactWindows } from "../forecast/backtest/window.ts";
import type { SpillFile } from "../forecast/backtest/spill.ts";

/**
 * The backtest windows of one product read back from its `rows`, by target and model; `product`
 * is the history the run backtested (the shelf's demand since launch). The windows' numbers are
 * held in `spill`'s file when given.
 */
export function windowsOf(
  rows: ProductBacktestRows,
  product: SeriesSet["products"][number],
  calendar: Calendar,
  spill?: SpillFile,
): Map<string, Map<string, BacktestWindow[]>> {
  const out = new Map<string, Map<string, BacktestWindow[]>>();
  for (const [target, models] of rows) {
    const raw = target === "sales" ? product.sales : product.returns;
    const byModel = new Map<string, BacktestWindow[]>();
    // The scales at a cutoff, one object for every model's window there (millions of windows).
    const scalesAt = new Map<number, NaiveScales>();
    const scalesOf = (cut: number) => {
      let scales = scalesAt.get(cut);
      if (!scales) {
        scalesAt.set(cut, scales = naiveScales(raw.subarray(0, cut - product.start + 1)));
      }
      return scales;
    };
    for (const [model, byCutoff] of models) {
      const windows = [...byCutoff].map(([cutoff, columns]): BacktestWindow => {
        const cut = parseOutputDay(cutoff)!;
        return {
          cutoff: cut,
          forecast: forecastFromColumns((name) => columns[name]),
          actual: columns.actual,
          open: openMask(
            calendar,
            cut + 1,
            columns.actual.length,
            product.start + raw.length - 1,
          ),
          scales: scalesOf(cut),
        };
      });
      byModel.set(model, compactWindows(windows, spill));
    }
    out.set(resultKey(product.id, target), byModel);
  }
  return out;
}
