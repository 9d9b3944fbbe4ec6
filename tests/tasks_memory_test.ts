/**
 * The heavy tasks run V8 with the heap setting the benchmarks measure them with
 * (`bench/common.ts`): a run without it peaks about 0.8 GiB higher at 1,000 products.
 */

import { V8_FLAGS } from "../bench/common.ts";
import { assert } from "./helpers/assert.ts";

const TASKS: Record<string, string> = JSON.parse(
  await Deno.readTextFile(new URL("../deno.json", import.meta.url)),
).tasks;

Deno.test("every task that forecasts runs V8 with the benchmarks' heap setting", () => {
  for (const task of ["train", "forecast", "backtest", "plan", "report", "merge"]) {
    const words = TASKS[task].split(/\s+/);
    const script = words.indexOf("src/cli.ts");
    assert(script > 0, `${task} runs src/cli.ts`);
    assert(words.slice(0, script).includes(V8_FLAGS), `${task} runs with ${V8_FLAGS}`);
  }
});
