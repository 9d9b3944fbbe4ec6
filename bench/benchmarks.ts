/**
 * The benchmarks: what runs, what is measured, and the targets from the issues.
 * @module
 */

import type { Measurement } from "./measure.ts";
import {
  type Benchmark,
  CLI,
  DEMO,
  exists,
  type Figure,
  MODELS,
  removeDir,
  ROOT,
  SHARED,
  WORK,
} from "./common.ts";
import { scaleBenchmarks, scaleData, shardedBenchmark } from "./scale.ts";

export { type Figure, ROOT, WORK };

/** Seconds per epoch and per model from `train`'s table (columns: …, epochs, …, seconds, …). */
function trainingFigures(run: Measurement, perModelTarget?: number): Figure[] {
  const rows = run.stdout.trim().split("\n").slice(2).map((line) => line.trim().split(/\s+/));
  const epochs = rows.reduce((total, row) => total + Number(row[2]), 0);
  const seconds = rows.reduce((total, row) => total + Number(row[5]), 0);
  return [
    { label: "models", value: String(rows.length) },
    { label: "epochs (all models)", value: String(epochs) },
    { label: "seconds per epoch", value: (seconds / Math.max(1, epochs)).toFixed(3) },
    {
      label: "seconds per model (training)",
      value: (seconds / Math.max(1, rows.length)).toFixed(1),
      ...(perModelTarget ? { target: perModelTarget } : {}),
    },
  ];
}

const demoSetup: [string, string[]] = [DEMO, [...CLI, "generate", "--quiet", "--out", DEMO]];
const FRESH = `${WORK}/fresh-clone`;
const CLI_ANYWHERE = [
  "run",
  "--allow-all",
  "--quiet",
  "--config",
  `${ROOT}deno.json`,
  `${ROOT}src/cli.ts`,
];
const TOP50 = `${WORK}/online_retail_top50.csv`;
/** Imports the real top-50 products (the input of the real-data benchmarks). */
const IMPORT_TOP50 = [
  ...CLI,
  "import",
  "--transactions",
  SHARED,
  "--top",
  "50",
  "--drop-mega-orders",
  "--out",
  TOP50,
];
const top50Setup: [string, string[]] = [TOP50, IMPORT_TOP50];

/**
 * The report explorer in Chromium (issue 15): a baseline-model report of `products` products,
 * then opening it and 60 control changes (`bench/explorer_updates.ts`). With `scaledTo`, the
 * page opened holds that many records: the report's own, repeated (`bench/explorer_scaled.ts`).
 */
function explorerBenchmarks(
  products: number,
  data: [string, string[]][],
  dataPath: string,
  limits: { ready: number; update: number; htmlMB: number },
  scaledTo?: number,
): Benchmark[] {
  const dir = `${WORK}/explorer_${products}`;
  const report = [
    ...CLI,
    ...["report", "--data", dataPath, "--models", "zero,naive,snaive7,ma28,croston,tsb,ets,lag"],
    ...["--no-pdf", "--quiet", "--out", dir],
  ];
  const html = scaledTo ? `${dir}/report_x${scaledTo}.html` : `${dir}/report.html`;
  const scale: [string, string[]][] = scaledTo
    ? [[html, [
      ...["run", "--allow-all", "--quiet", `${ROOT}bench/explorer_scaled.ts`],
      ...[`${dir}/report.html`, String(scaledTo), html],
    ]]]
    : [];
  return [{
    name: scaledTo
      ? `explorer: ${scaledTo} records (a ${products}-product report's, repeated) opened in Chromium, 60 control changes`
      : `explorer: ${products}-product report opened in Chromium, 60 control changes`,
    setup: [...data, [`${dir}/report.html`, report], ...scale],
    args: ["run", "--allow-all", "--quiet", `${ROOT}bench/explorer_updates.ts`, html],
    figures: (run) => {
      const r = JSON.parse(run.stdout.trim().split("\n").pop()!);
      const ms = (value: number) => `${value.toFixed(0)} ms`;
      return [
        {
          label: "report.html",
          value: `${r.htmlMB.toFixed(2)} MB`,
          target: `${limits.htmlMB} MB`,
          met: r.htmlMB < limits.htmlMB,
        },
        {
          label: "opened → ready",
          value: `${(r.openedToReadyMs / 1000).toFixed(1)} s`,
          target: `${limits.ready} s`,
          met: r.openedToReadyMs < 1000 * limits.ready,
        },
        {
          label: "update (median / p95 / max)",
          value: `${ms(r.updateMedianMs)} / ${ms(r.updateP95Ms)} / ${ms(r.updateMaxMs)}`,
          target: `${limits.update} ms median`,
          met: r.updateMedianMs < limits.update,
        },
        {
          label: "input → painted (median / p95)",
          value: `${ms(r.paintedMedianMs)} / ${ms(r.paintedP95Ms)}`,
        },
      ];
    },
  }];
}

/** All benchmarks, in the order they run. */
export const BENCHMARKS: Benchmark[] = [
  {
    name: "validate 1,000,000-row daily CSV",
    setup: [[`${WORK}/daily_1m.csv`, [
      ...CLI,
      "generate",
      "--products",
      "1370",
      "--quiet",
      "--out",
      `${WORK}/daily_1m.csv`,
    ]]],
    args: [...CLI, "validate", "--data", `${WORK}/daily_1m.csv`],
    seconds: 5,
    peakMiB: 1024,
  },
  {
    name: "import 12-month Online Retail II (502,938 lines, gzip)",
    args: IMPORT_TOP50,
    seconds: 10,
    peakMiB: 1024,
    skip: () => exists(SHARED) ? undefined : `needs ${SHARED}`,
  },
  {
    name: "train lstm: 10 default models (5 products × sales, returns)",
    setup: [demoSetup],
    args: [...CLI, "train", "--quiet", "--data", DEMO, "--models-dir", MODELS],
    seconds: 60,
    peakMiB: 1536,
    figures: (run) => trainingFigures(run),
  },
  {
    name: "forecast with saved lstm models (per product, models loaded)",
    setup: [demoSetup],
    args: ["run", "--allow-all", "--quiet", `${ROOT}bench/forecast_loaded.ts`, DEMO, MODELS],
    peakMiB: 1536,
    figures: (run) => {
      const figures = JSON.parse(run.stdout.trim().split("\n").pop()!);
      return [{
        label: "ms per product (sales + returns, intervals)",
        value: figures.msPerProduct.toFixed(1),
        target: 100,
        met: figures.msPerProduct <= 100,
      }];
    },
  },
  {
    name: "report: demo from scratch (generate, train, backtest, plan, HTML, PDF)",
    // A working directory like a fresh clone: no data/, no models/.
    prepare: async () => {
      await removeDir(FRESH);
      await Deno.mkdir(FRESH, { recursive: true });
    },
    cwd: FRESH,
    args: [...CLI_ANYWHERE, "report", "--quiet", "--out", `${WORK}/report-demo`],
    seconds: 90,
    peakMiB: 1536,
  },
  {
    name: "report: demo re-render with saved models",
    cwd: FRESH,
    args: [...CLI_ANYWHERE, "report", "--quiet", "--out", `${WORK}/report-demo`],
    seconds: 10,
    peakMiB: 1536,
  },
  {
    name: "pdf: print the demo report.html",
    args: ["run", "--allow-all", "--quiet", `${ROOT}bench/pdf_render.ts`, `${WORK}/report-demo`],
    figures: (run) => {
      const seconds = JSON.parse(run.stdout.trim().split("\n").pop()!).seconds;
      return [{
        label: "PDF rendering",
        value: `${seconds.toFixed(2)} s`,
        target: 5,
        met: seconds <= 5,
      }];
    },
  },
  {
    name: "report: real top-50 products (Online Retail II)",
    setup: [top50Setup],
    prepare: () => removeDir(`${WORK}/top50-models`),
    args: [
      ...CLI,
      "report",
      "--quiet",
      "--data",
      TOP50,
      "--models-dir",
      `${WORK}/top50-models`,
      "--out",
      `${WORK}/report-top50`,
    ],
    seconds: 300,
    peakMiB: 1536,
    skip: () => exists(SHARED) ? undefined : `needs ${SHARED}`,
  },
  {
    name:
      "accuracy bound: real top-50 sales (issue 7 protocol, light candidates, forecasts that know the future)",
    setup: [top50Setup],
    args: ["run", "--allow-all", "--quiet", `${ROOT}bench/accuracy_bound.ts`, TOP50],
    figures: (run) => {
      const sales = run.stdout.trim().split("\n").map((line) => JSON.parse(line))
        .find((line) => line.target === "sales");
      const bestReference = Math.min(
        ...sales.references.map((r: { rmsse: number }) => r.rmsse),
      );
      const bestWeek = Math.min(
        ...sales.references.map((r: { wape_week: number }) => r.wape_week),
      );
      const pair = (f: { rmsse: number; wape_week: number }) =>
        `${f.rmsse.toFixed(3)} / ${f.wape_week.toFixed(3)}`;
      return [
        { label: "RMSSE / 7-day WAPE: auto", value: pair(sales.auto) },
        {
          label: `best of ${sales.references.map((r: { model: string }) => r.model).join(", ")}`,
          value: `${bestReference.toFixed(3)} / ${bestWeek.toFixed(3)}`,
        },
        {
          label: "issue 16 target (2 % better)",
          value: `${(0.98 * bestReference).toFixed(3)} / ${(0.98 * bestWeek).toFixed(3)}`,
        },
        { label: "knows each window's true mean", value: pair(sales.oracle_window_mean) },
        { label: "knows each week's true total", value: pair(sales.oracle_week_totals) },
      ];
    },
    skip: () => exists(SHARED) ? undefined : `needs ${SHARED}`,
  },
  {
    name: "train lstm-seed: 10 models of the original design",
    setup: [demoSetup],
    args: [
      ...CLI,
      "train",
      "--quiet",
      "--model",
      "lstm-seed",
      "--data",
      DEMO,
      "--models-dir",
      MODELS,
    ],
    peakMiB: 1536,
    figures: (run) => trainingFigures(run),
  },
  ...explorerBenchmarks(5, [demoSetup], DEMO, { ready: 5, update: 100, htmlMB: 1.5 }),
  ...scaleBenchmarks(100, { backtest: 60, lstm: 600, report: 120, peakMiB: 1024 }),
  ...scaleBenchmarks(1000, { backtest: 60, lstm: 600, report: 240, peakMiB: 1536 }),
  shardedBenchmark(2000, 4),
  ...scaleBenchmarks(10000, { backtest: 600, lstm: 900, report: 1800, peakMiB: 6144 }),
  ...explorerBenchmarks(1000, [scaleData(1000)], scaleData(1000)[0], {
    ready: 5,
    update: 100,
    htmlMB: 15,
  }),
  ...explorerBenchmarks(200, [scaleData(200)], scaleData(200)[0], {
    ready: 5,
    update: 100,
    htmlMB: 40,
  }, 10000),
];
