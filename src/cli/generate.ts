/**
 * `deno task generate`: writes the synthetic demo dataset (the original design's data).
 * @module
 */

import { printOut } from "./print.ts";
import { defineCommand } from "./args.ts";
import { GENERATE_OPTIONS } from "../config/data_options.ts";
import { generateSynthetic } from "../data/synthetic.ts";
import { writeDaily } from "../data/write_daily.ts";
import { formatSummary, summarise } from "../data/summary.ts";
import { guardOutputFiles } from "./output_guard.ts";
import { formatIsoDay, LAST_DATA_DAY } from "../data/dates.ts";
import { InputError } from "../io/errors.ts";

/** The `generate` command. */
export const generateCommand = defineCommand({
  name: "generate",
  summary: "write synthetic daily sales and returns (the demo data)",
  options: GENERATE_OPTIONS,
  examples: [
    "deno task generate",
    "deno task generate --products 1000 --seed 7 --out data/big.csv",
    "deno task generate --with-truth --out data/truth.csv",
  ],
  async run(config) {
    const { products, days, start, seed, out } = config;
    if (start + days - 1 > LAST_DATA_DAY) {
      throw new InputError(
        `--start ${formatIsoDay(start)} with --days ${days} ends after ${
          formatIsoDay(LAST_DATA_DAY)
        }, the last date data may have; start earlier or generate fewer days`,
      );
    }
    await guardOutputFiles([out], config, "generate");
    const set = generateSynthetic({ products, days, start, seed });
    await writeDaily(out, set, { withTruth: config.withTruth });
    if (!config.quiet) printOut(formatSummary(summarise({ ...set, source: out })));
    printOut(`wrote ${out}`);
    return 0;
  },
});
