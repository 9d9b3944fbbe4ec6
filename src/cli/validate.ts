/**
 * `deno task validate --data FILE`: checks a daily CSV against the contract and prints its summary.
 * @module
 */

import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { DATA } from "../config/data_options.ts";
import { readDaily } from "../data/read_daily.ts";
import { formatSummary, summarise } from "../data/summary.ts";

/** The `validate` command. */
export const validateCommand = defineCommand({
  name: "validate",
  summary: "check a daily sales/returns CSV and print its summary",
  options: { data: DATA },
  examples: [
    "deno task validate",
    "deno task validate --data data/online_retail_top50.csv",
  ],
  async run({ data }) {
    const set = await readDaily(data);
    printOut(formatSummary(summarise(set)));
    return 0;
  },
});
