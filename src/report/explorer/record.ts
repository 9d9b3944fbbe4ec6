/**
 * One product in the explorer: its last 90 days of history, its forecast of sales and returns
 * (mean and 80 %/95 % bounds, up to 90 days) and its policy inputs ({@link PolicyInputs},
 * `policy_inputs.ts`), and the record's bytes. Browser-safe: the server encodes with the
 * same file the page decodes with.
 *
 * Precision: history and means exactly as published (what `plan` computed from), so the page's
 * levels equal plan.csv's; the bounds, which only charts and the table show, with 3 significant
 * digits of the series' largest bound (0–3 decimals): as small as 1 decimal, and within a pixel
 * of the static charts at any volume.
 * @module
 */

import { ByteReader, ByteWriter, fixed } from "./bytes.ts";
import { type PolicyInputs, readPolicyInputs, writePolicyInputs } from "./policy_inputs.ts";
import { HISTORY_DAYS } from "../product_charts.ts";
import { DIGITS } from "../../util/round.ts";

/** A forecast of one target, one entry per day from the first forecast day. */
export interface ForecastArrays {
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

/** One product, decoded: what the explorer computes and draws from. */
export interface ExplorerRecord {
  /** Day number of the first forecast day. */
  firstDay: number;
  /** Day number of `history.sales[0]`. */
  historyStart: number;
  /** The last {@link HISTORY_DAYS} days (or fewer) of sales and returns. */
  history: { sales: number[]; returns: number[] };
  sales: ForecastArrays;
  returns: ForecastArrays;
  /** Decimals of each series' bounds. */
  boundDigits: { sales: number; returns: number };
  /** What the policies read besides the means and the history. */
  policy: PolicyInputs;
}

const BOUNDS = ["lo80", "hi80", "lo95", "hi95"] as const;

/** Most decimals of history values (daily data may have any; published data has 3). */
const HISTORY_DIGITS = 6;

/** Decimals for a series' bounds: 3 significant digits of its largest bound, 0 to 3. */
export function boundDigits(hi95: ArrayLike<number>): number {
  let top = 0;
  for (let i = 0; i < hi95.length; i++) top = Math.max(top, hi95[i]);
  return top <= 0 ? 3 : Math.min(3, Math.max(0, 2 - Math.floor(Math.log10(top))));
}

/** A forecast's days as the record keeps them: means as they are, bounds at their decimals. */
function forecastArrays(
  f: { [K in keyof ForecastArrays]: ArrayLike<number> },
  days: number,
  digits: number,
): ForecastArrays {
  const take = (values: ArrayLike<number>, d?: number) =>
    Array.from(
      { length: Math.min(days, values.length) },
      (_, i) => d === undefined ? values[i] : fixed(values[i], d),
    );
  return {
    mean: take(f.mean),
    lo80: take(f.lo80, digits),
    hi80: take(f.hi80, digits),
    lo95: take(f.lo95, digits),
    hi95: take(f.hi95, digits),
  };
}

/** What the server makes a record from (typed arrays of the run). */
export interface RecordSource {
  /** The whole history and its first day. */
  history: { sales: ArrayLike<number>; returns: ArrayLike<number>; start: number };
  firstDay: number;
  sales: { [K in keyof ForecastArrays]: ArrayLike<number> };
  returns: { [K in keyof ForecastArrays]: ArrayLike<number> };
  policy: PolicyInputs;
}

/** A product's record: the last history days and the first `days` forecast days. */
export function toRecord(source: RecordSource, days: number): ExplorerRecord {
  const n = source.history.sales.length;
  const from = Math.max(0, n - HISTORY_DAYS);
  const tail = (values: ArrayLike<number>) =>
    Array.from({ length: n - from }, (_, i) => values[from + i]);
  const digits = {
    sales: boundDigits(source.sales.hi95),
    returns: boundDigits(source.returns.hi95),
  };
  return {
    firstDay: source.firstDay,
    historyStart: source.history.start + from,
    history: { sales: tail(source.history.sales), returns: tail(source.history.returns) },
    sales: forecastArrays(source.sales, days, digits.sales),
    returns: forecastArrays(source.returns, days, digits.returns),
    boundDigits: digits,
    policy: source.policy,
  };
}

/** The bytes of a record. */
export function encodeRecord(record: ExplorerRecord): Uint8Array {
  const w = new ByteWriter();
  w.signed(record.firstDay);
  w.signed(record.historyStart);
  w.numbers(record.history.sales, HISTORY_DIGITS);
  w.numbers(record.history.returns, HISTORY_DIGITS);
  for (const target of ["sales", "returns"] as const) {
    const f = record[target];
    const digits = record.boundDigits[target];
    const scale = 10 ** digits;
    w.numbers(f.mean, DIGITS.units);
    w.varint(digits);
    // Bounds as fixed-point distances from the mean at the bounds' decimals: small integers.
    const base = f.mean.map((m) => Math.round(m * scale));
    for (const b of BOUNDS) w.integers(f[b].map((v, i) => Math.round(v * scale) - base[i]));
  }
  writePolicyInputs(w, record.policy);
  return w.bytes();
}

/** Inverse of {@link encodeRecord}. */
export function decodeRecord(bytes: Uint8Array): ExplorerRecord {
  const r = new ByteReader(bytes);
  const firstDay = r.signed();
  const historyStart = r.signed();
  const history = { sales: r.numbers(), returns: r.numbers() };
  const digits = { sales: 0, returns: 0 };
  const forecast = (target: "sales" | "returns"): ForecastArrays => {
    const mean = r.numbers();
    const d = digits[target] = r.varint();
    const scale = 10 ** d;
    const base = mean.map((m) => Math.round(m * scale));
    const [lo80, hi80, lo95, hi95] = BOUNDS.map(() =>
      r.integers().map((delta, i) => (base[i] + delta) / scale)
    );
    return { mean, lo80, hi80, lo95, hi95 };
  };
  const sales = forecast("sales");
  const returns = forecast("returns");
  const policy = readPolicyInputs(r);
  if (!r.done) throw new SyntaxError("Cannot decode explorer record: trailing bytes");
  return { firstDay, historyStart, history, sales, returns, boundDigits: digits, policy };
}
