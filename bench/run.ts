/**
 * `deno task bench [NAME…]`: runs the benchmarks and prints their figures against the targets.
 * Each benchmark runs the real CLI (or a small script) in a child process; time and peak memory
 * are measured from outside. Inputs are generated once under `.tmp/bench/`.
 * @module
 */

import { BENCHMARKS, type Figure, ROOT, WORK } from "./benchmarks.ts";
import { exists } from "./common.ts";
import { measureDeno } from "./measure.ts";
import { formatTable } from "../src/util/table.ts";

async function main(filters: string[]): Promise<number> {
  await Deno.mkdir(WORK, { recursive: true });
  const rows: string[][] = [];
  let missed = 0;
  for (const bench of BENCHMARKS) {
    if (filters.length > 0 && !filters.some((f) => bench.name.includes(f))) continue;
    const skipped = bench.skip?.();
    if (skipped) {
      rows.push([bench.name, "", "skipped", "", skipped]);
      continue;
    }
    for (const [file, args] of bench.setup ?? []) {
      if (exists(file)) continue;
      console.error(`setup: ${args.join(" ")}`);
      const made = await measureDeno(args, ROOT);
      if (made.code !== 0) throw new Error(`setup failed: ${made.stderr}`);
    }
    await bench.prepare?.();
    console.error(`running: ${bench.name}`);
    const run = await measureDeno(bench.args, bench.cwd ?? ROOT);
    if (run.code !== 0) {
      missed++;
      rows.push([bench.name, "", "FAILED", "", run.stderr.trim().split("\n").pop() ?? ""]);
      continue;
    }
    const figures: Figure[] = [
      {
        label: "time",
        value: `${run.seconds.toFixed(1)} s`,
        target: bench.seconds,
        met: bench.seconds === undefined ? undefined : run.seconds <= bench.seconds,
      },
      {
        label: "peak memory",
        value: `${run.peakMiB.toFixed(0)} MiB`,
        target: bench.peakMiB,
        met: bench.peakMiB === undefined ? undefined : run.peakMiB <= bench.peakMiB,
      },
      { label: "peak RSS summed", value: `${run.peakRssMiB.toFixed(0)} MiB` },
      ...(bench.figures?.(run) ?? []),
    ];
    console.error(
      `  ${
        figures.map((f) => `${f.label} ${f.value}${f.met === false ? " (MISSED)" : ""}`).join(", ")
      }`,
    );
    figures.forEach((figure, i) => {
      if (figure.met === false) missed++;
      rows.push([
        i === 0 ? bench.name : "",
        figure.label,
        figure.value,
        figure.target === undefined
          ? ""
          : `≤ ${figure.target}${
            typeof figure.target === "number" && figure.label === "time"
              ? " s"
              : figure.label === "peak memory"
              ? " MiB"
              : ""
          }`,
        figure.met === undefined ? "" : figure.met ? "met" : "MISSED",
      ]);
    });
  }
  console.log(formatTable(["benchmark", "figure", "value", "target", "result"], rows, 2));
  return missed;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args) > 0 ? 1 : 0);
}
