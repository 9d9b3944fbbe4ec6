/**
 * A run's backtest.csv.gz outgrows the 2 GiB of text other inputs may hold at about 2,000
 * products (`report --from` and `merge` refused a 2,000-product run's): it has its own limit,
 * sized for tens of thousands of products.
 */

import { MAX_INPUT_BYTES } from "../../src/io/read_text.ts";
import { MAX_BACKTEST_BYTES } from "../../src/outputs/backtest_csv.ts";
import { assert } from "../helpers/assert.ts";

Deno.test("a backtest may hold the text of 50,000 products, more than other inputs", () => {
  // 1.3 MB of text per product: 55 windows × 14 days × 11 candidates × 2 targets, ~80 bytes a row.
  const perProduct = 55 * 14 * 11 * 2 * 80;
  assert(MAX_BACKTEST_BYTES > MAX_INPUT_BYTES);
  assert(MAX_BACKTEST_BYTES >= 50_000 * perProduct, `${MAX_BACKTEST_BYTES} bytes`);
});
