/**
 * `deno task validate --data FILE`: checks a daily CSV against the contract and prints its summary.
 * @module
 */

import type { Command } from "./args.ts";
import { optionalString } from "./args.ts";
import { DEFAULT_DATA_PATH, readDaily } from "../data/read_daily.ts";
import { formatSummary, summarise } from "../data/summary.ts";

/** The `validate` command. */
export const validateCommand: Command = {
  name: "validate",
  summary: "check a daily sales/returns CSV and print its summary",
  flags: {
    data: {
      type: "string",
      value: "FILE",
      default: DEFAULT_DATA_PATH,
      help: "daily CSV (date,product_id,sales,returns), plain or .gz",
    },
  },
  examples: [
    "deno task validate",
    "deno task validate --data data/online_retail_top50.csv",
  ],
  async run(values) {
    const set = await readDaily(optionalString(values, "data") ?? DEFAULT_DATA_PATH);
    console.log(formatSummary(summarise(set)));
    return 0;
  },
};
