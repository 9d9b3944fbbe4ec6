/**
 * Validates a daily CSV, then runs one CLI command — the "validate + backtest" benchmark as one
 * measured process. Usage: deno run -A bench/validate_then.ts DATA COMMAND ARGS…
 */

import { readDaily } from "../src/data/read_daily.ts";
import { main } from "../src/cli.ts";

const [data, ...command] = Deno.args;
await readDaily(data);
Deno.exit(await main(command));
