/**
 * The options that say which data a command works on — the daily CSV, which products, the seed,
 * progress, extra closed days, where saved models live, the shard — and the options of the data
 * commands (`generate`, `import`). Each is declared once with its default and its doc.
 * @module
 */

import { DEFAULT_DATA_PATH } from "../data/read_daily.ts";
import { DEFAULT_MODELS_DIR } from "../forecast/store/paths.ts";
import { DATE_RANGE_TEXT, parseIsoDay } from "../data/dates.ts";
import { parseShard, type Shard } from "../data/shard.ts";
import { InputError, quoted } from "../io/errors.ts";
import { integer, list, type Option, path, text, toggle } from "./option.ts";
import { date } from "./option.ts";
import { LAYOUTS } from "../data/import/layouts.ts";
import { FORCE } from "./force.ts";

/** `--data`: the daily CSV (default: the demo data, generated when missing). */
export const DATA = path("data", {
  value: "FILE",
  default: DEFAULT_DATA_PATH,
  help: "daily CSV (date,product_id,sales,returns), plain or .gz",
});

/** `--products`: only these products (an empty list is an error, not "all"). */
export const PRODUCTS = {
  ...list("products", { value: "IDS", help: "only these products (comma-separated)" }),
  blankIsAbsent: false,
};

/** `--seed` of the forecasting commands: weights, dropout, shuffling. */
export const SEED = integer("seed", {
  value: "N",
  default: 42,
  min: 0,
  max: 2 ** 31 - 1,
  help: "seed for weights, dropout, shuffling",
});

/** `--quiet`: no progress. */
export const QUIET = toggle("quiet", "no progress on stderr");

/** `--closed`: extra closed dates, as day numbers. */
export const CLOSED: Option<readonly number[]> = {
  flag: "closed",
  value: "DATES",
  help: "extra closed dates, YYYY-MM-DD comma-separated (closed days are also detected)",
  blankIsAbsent: true,
  parse: (value) =>
    list("closed", { help: "" }).parse(value).map((day) => {
      const parsed = parseIsoDay(day);
      if (parsed === undefined) {
        throw new InputError(`--closed: ${quoted(day)} is not ${DATE_RANGE_TEXT}`);
      }
      return parsed;
    }),
};

/** `--models-dir`: where trained networks are saved. */
export const MODELS_DIR = path("models-dir", {
  value: "DIR",
  default: DEFAULT_MODELS_DIR,
  help: "where trained LSTMs are saved",
});

/** `--shard K/N`: only the products of one shard (see `data/shard.ts`). */
export const SHARD: Option<Shard> = {
  flag: "shard",
  value: "K/N",
  help:
    "only the products of shard K of N (stable split by product id); merge the outputs with merge",
  blankIsAbsent: true,
  parse: parseShard,
};

/** Which data, which products, the seed, progress and closed days. */
export const DATA_OPTIONS = {
  data: DATA,
  products: PRODUCTS,
  seed: SEED,
  quiet: QUIET,
  closed: CLOSED,
};

/** Where saved models live. */
export const STORE_OPTIONS = { modelsDir: MODELS_DIR };

/** The shard of a run. */
export const SHARD_OPTIONS = { shard: SHARD };

/** The options of `generate` (the demo data is `generate` with these defaults). */
export const GENERATE_OPTIONS = {
  products: integer("products", {
    value: "N",
    default: 5,
    min: 1,
    max: 100_000,
    help: "number of products",
  }),
  days: integer("days", { value: "N", default: 730, min: 1, max: 36_500, help: "days of history" }),
  start: date("start", {
    value: "DATE",
    default: parseIsoDay("2023-01-01")!,
    shownDefault: "2023-01-01",
    help: "first day",
  }),
  seed: integer("seed", {
    value: "N",
    default: 42,
    min: 0,
    max: 2 ** 32 - 1,
    help: "random seed (same seed, same file)",
  }),
  withTruth: toggle("with-truth", "add expected_sales and expected_returns (the noise-free means)"),
  out: path("out", { value: "FILE", default: DEFAULT_DATA_PATH, help: "output CSV" }),
  quiet: toggle("quiet", "print only the file written"),
  force: FORCE,
};

/** The demo data: 5 products × 730 days from 2023-01-01, seed 42 (`generate`'s defaults). */
export const DEMO_DATA = {
  products: GENERATE_OPTIONS.products.default,
  days: GENERATE_OPTIONS.days.default,
  start: GENERATE_OPTIONS.start.default,
  seed: GENERATE_OPTIONS.seed.default,
};

/** The options of `import`. */
export const IMPORT_OPTIONS = {
  transactions: path("transactions", {
    value: "FILE",
    required: true,
    help: "order-line CSV, plain or .gz",
  }),
  layout: text("layout", {
    value: "NAME",
    help: `${Object.keys(LAYOUTS).join(" | ")}; recognised from the header when omitted`,
  }),
  columns: text("columns", {
    value: "MAP",
    help: "other layouts: invoice=H,product=H,quantity=H,date=H[,price=H,customer=H]",
  }),
  top: integer("top", {
    value: "N",
    min: 1,
    max: 1_000_000,
    help: "keep the N best-selling products that have returns",
  }),
  dropMegaOrders: toggle(
    "drop-mega-orders",
    "drop orders of ≥ 10,000 units cancelled by the same customer within 24 h",
  ),
  out: path("out", { value: "FILE", required: true, help: "daily CSV to write (.gz to compress)" }),
  force: FORCE,
};
