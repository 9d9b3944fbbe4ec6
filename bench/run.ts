/**
 * `deno task bench [NAME…]`: runs the benchmarks and prints their figures against the targets.
 * Each benchmark runs the real CLI in a child process; time and peak memory are measured from
 * outside. Inputs are generated once under `.tmp/bench/`.
 * @module
 */

import { fileURLToPath } from "node:url";
import { measureDeno } from "./measure.ts";
import { formatTable } from "../src/util/table.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const WORK = `${ROOT}.tmp/bench`;
const SHARED = `${ROOT}../shared/data/online-retail/online_retail_ii_2009-12_2010-11.csv.gz`;
const CLI = ["run", "--allow-all", "--quiet", `${ROOT}src/cli.ts`];

interface Benchmark {
  name: string;
  /** Files that must exist first, with the CLI arguments that make each. */
  setup?: [file: string, args: string[]][];
  /** CLI arguments of the measured run. */
  args: string[];
  /** Targets: seconds and peak MiB. */
  target: { seconds: number; peakMiB: number };
  /** Why it cannot run here, if it cannot. */
  skip?: () => string | undefined;
}

const BENCHMARKS: Benchmark[] = [
  {
    name: "validate 1,000,000-row daily CSV",
    setup: [[`${WORK}/daily_1m.csv`, [
      "generate",
      "--products",
      "1370",
      "--days",
      "730",
      "--quiet",
      "--out",
      `${WORK}/daily_1m.csv`,
    ]]],
    args: ["validate", "--data", `${WORK}/daily_1m.csv`],
    target: { seconds: 5, peakMiB: 1024 },
  },
  {
    name: "import 12-month Online Retail II (502,938 lines, gzip)",
    args: [
      "import",
      "--transactions",
      SHARED,
      "--top",
      "50",
      "--drop-mega-orders",
      "--out",
      `${WORK}/online_retail_top50.csv`,
    ],
    target: { seconds: 10, peakMiB: 1024 },
    skip: () => exists(SHARED) ? undefined : `needs ${SHARED}`,
  },
];

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

async function main(filters: string[]) {
  await Deno.mkdir(WORK, { recursive: true });
  const rows: string[][] = [];
  let failures = 0;
  for (const bench of BENCHMARKS) {
    if (filters.length > 0 && !filters.some((f) => bench.name.includes(f))) continue;
    const skipped = bench.skip?.();
    if (skipped) {
      rows.push([bench.name, "skipped", "", "", skipped]);
      continue;
    }
    for (const [file, args] of bench.setup ?? []) {
      if (exists(file)) continue;
      console.error(`setup: ${args.join(" ")}`);
      const made = await measureDeno([...CLI, ...args], ROOT);
      if (made.code !== 0) throw new Error(`setup failed: ${made.stderr}`);
    }
    console.error(`running: ${bench.name}`);
    const run = await measureDeno([...CLI, ...bench.args], ROOT);
    if (run.code !== 0) {
      failures++;
      rows.push([bench.name, "FAILED", "", "", run.stderr.trim().split("\n").pop() ?? ""]);
      continue;
    }
    const met = run.seconds <= bench.target.seconds && run.peakMiB <= bench.target.peakMiB;
    if (!met) failures++;
    rows.push([
      bench.name,
      `${run.seconds.toFixed(2)} s`,
      `${run.peakMiB.toFixed(0)} MiB`,
      `< ${bench.target.seconds} s, < ${bench.target.peakMiB} MiB`,
      met ? "met" : "MISSED",
    ]);
  }
  console.log(formatTable(["benchmark", "time", "peak memory", "target", "result"], rows));
  return failures;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args) > 0 ? 1 : 0);
}
