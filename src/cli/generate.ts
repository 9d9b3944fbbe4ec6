/**
 * `deno task generate`: writes the synthetic demo dataset (the original design's data).
 * @module
 */

import type { Command } from "./args.ts";
import { dateFlag, integerFlag, optionalString } from "./args.ts";
import { DEFAULT_DATA_PATH } from "../data/read_daily.ts";
import { generateSynthetic } from "../data/synthetic.ts";
import { writeDaily } from "../data/write_daily.ts";
import { formatSummary, summarise } from "../data/summary.ts";

/** The `generate` command. */
export const generateCommand: Command = {
  name: "generate",
  summary: "write synthetic daily sales and returns (the demo data)",
  flags: {
    products: { type: "string", value: "N", default: "5", help: "number of products" },
    days: { type: "string", value: "N", default: "730", help: "days of history" },
    start: { type: "string", value: "DATE", default: "2023-01-01", help: "first day" },
    seed: { type: "string", value: "N", default: "42", help: "random seed (same seed, same file)" },
    "with-truth": {
      type: "boolean",
      help: "add expected_sales and expected_returns (the noise-free means)",
    },
    out: { type: "string", value: "FILE", default: DEFAULT_DATA_PATH, help: "output CSV" },
    quiet: { type: "boolean", help: "print only the file written" },
  },
  examples: [
    "deno task generate",
    "deno task generate --products 1000 --seed 7 --out data/big.csv",
    "deno task generate --with-truth --out data/truth.csv",
  ],
  async run(values) {
    const options = {
      products: integerFlag(values, "products", { min: 1, max: 100_000 }),
      days: integerFlag(values, "days", { min: 1, max: 36_500 }),
      start: dateFlag(values, "start"),
      seed: integerFlag(values, "seed", { min: 0, max: 2 ** 32 - 1 }),
    };
    const out = optionalString(values, "out") ?? DEFAULT_DATA_PATH;
    const set = generateSynthetic(options);
    await writeDaily(out, set, { withTruth: values["with-truth"] === true });
    if (!values.quiet) console.log(formatSummary(summarise({ ...set, source: out })));
    console.log(`wrote ${out}`);
    return 0;
  },
};
