/**
 * Scale benchmarks (issues 8 and 17): synthetic data of N products × 730 days; the baseline
 * backtest, the global LSTM, the report end to end with fresh models and its PDF — with time, the
 * peak memory of Deno and Chromium together, and the sizes of the outputs — and the sharded path
 * (N local shard processes, merge, report --from).
 * @module
 */

import { type Benchmark, CLI, type Figure, removeDir, ROOT, WORK } from "./common.ts";

/** The synthetic data of `products` products, with the `deno` arguments that make it. */
export const scaleData = (products: number): [string, string[]] => [
  `${WORK}/scale_${products}.csv`,
  [
    ...CLI,
    "generate",
    "--products",
    String(products),
    "--quiet",
    "--out",
    `${WORK}/scale_${products}.csv`,
  ],
];
const BASELINES = "zero,naive,snaive7,ma28,croston,tsb,ets,combo,lag";

/** Sizes of the files of a run directory, as figures (MiB), with the explorer's limit. */
function sizeFigures(dir: string, htmlLimitMiB: number): Figure[] {
  const mib = (name: string) => {
    try {
      return Deno.statSync(`${dir}/${name}`).size / 2 ** 20;
    } catch {
      return NaN;
    }
  };
  const figures: Figure[] = [{
    label: "report.html",
    value: `${mib("report.html").toFixed(1)} MiB`,
    target: `${htmlLimitMiB} MiB`,
    met: mib("report.html") <= htmlLimitMiB,
  }];
  for (const name of ["report.pdf", "backtest.csv.gz", "forecast.csv", "plan_daily.csv"]) {
    figures.push({ label: name, value: `${mib(name).toFixed(1)} MiB` });
  }
  return figures;
}

/** Time and memory limits of one size. */
export interface ScaleLimits {
  /** Seconds of the baselines backtest, of training the global LSTM, of the whole report. */
  backtest: number;
  lstm: number;
  report: number;
  /** Peak memory of the report (Deno and Chromium), MiB. */
  peakMiB: number;
}

/** The scale benchmarks of one size: baselines backtest, global LSTM, whole report, its PDF. */
export function scaleBenchmarks(products: number, limits: ScaleLimits): Benchmark[] {
  const [data, setup] = scaleData(products);
  const report = `${WORK}/scale_${products}_report`;
  return [
    {
      name: `scale ${products}: validate + baselines backtest (${products} × 2 targets, 4 windows)`,
      setup: [[data, setup]],
      args: [
        "run",
        "--allow-all",
        "--quiet",
        `${ROOT}bench/validate_then.ts`,
        data,
        ...["backtest", "--data", data, "--horizon", "28", "--windows", "4", "--models", BASELINES],
        ...["--quiet", "--out", `${WORK}/scale_${products}_bt/backtest.csv.gz`],
      ],
      seconds: limits.backtest,
      peakMiB: limits.peakMiB,
    },
    {
      name: `scale ${products}: train the global LSTM (sales and returns)`,
      setup: [[data, setup]],
      prepare: () => removeDir(`${WORK}/scale_${products}_models`),
      args: [
        ...CLI,
        "train",
        "--quiet",
        "--model",
        "lstm-global",
        "--data",
        data,
        "--models-dir",
        `${WORK}/scale_${products}_models`,
      ],
      seconds: limits.lstm,
      peakMiB: limits.peakMiB,
    },
    {
      name: `scale ${products}: report end to end (fresh models, PDF included)`,
      setup: [[data, setup]],
      prepare: () => removeDir(`${WORK}/scale_${products}_report_models`),
      args: [
        ...CLI,
        "report",
        "--quiet",
        "--pdf",
        "--data",
        data,
        "--models-dir",
        `${WORK}/scale_${products}_report_models`,
        "--out",
        report,
      ],
      seconds: limits.report,
      peakMiB: limits.peakMiB,
      figures: () => sizeFigures(report, 40),
    },
    {
      name: `scale ${products}: PDF of the report (summary and detail pages)`,
      args: ["run", "--allow-all", "--quiet", `${ROOT}bench/pdf_render.ts`, report],
      figures: (run) => {
        const seconds = JSON.parse(run.stdout.trim().split("\n").pop()!).seconds;
        return [{
          label: "PDF rendering",
          value: `${seconds.toFixed(1)} s`,
          target: 60,
          met: seconds <= 60,
        }];
      },
    },
  ];
}

/**
 * The sharded path at `products` products: the first job training the global networks, `shards`
 * local `plan --shard K/N` processes at once loading them, then merge and report --from
 * (bench/sharded.ts times each step), compared byte for byte with a single run of the same
 * (default) candidates that trains its own networks.
 */
export function shardedBenchmark(products: number, shards: number): Benchmark {
  const [data, setup] = scaleData(products);
  return {
    name:
      `sharded ${products}: networks + ${shards} local shards + merge + report --from, vs one run`,
    setup: [[data, setup]],
    prepare: () => removeDir(`${WORK}/sharded_${products}`),
    args: [
      "run",
      "--allow-all",
      "--quiet",
      `${ROOT}bench/sharded.ts`,
      data,
      String(shards),
      `${WORK}/sharded_${products}`,
    ],
    figures: (run) => {
      const times = JSON.parse(run.stdout.trim().split("\n").pop()!);
      return [
        { label: "plan --networks-only (first job)", value: `${times.networks.toFixed(1)} s` },
        { label: "shards (in parallel)", value: `${times.shards.toFixed(1)} s` },
        { label: "merge", value: `${times.merge.toFixed(1)} s` },
        { label: "report --from", value: `${times.report.toFixed(1)} s` },
        { label: "single run", value: `${times.single.toFixed(1)} s` },
        {
          label: "files equal to the single run",
          value: times.identical ? "yes" : `no: ${times.different.join(", ")}`,
          target: "yes",
          met: times.identical,
        },
      ];
    },
  };
}
