import { planBacktest, refitsAt } from "../../src/forecast/backtest/plan.ts";
import { backtestSeries } from "../../src/forecast/backtest/series.ts";
import { runBacktest } from "../../src/forecast/dataset/backtest.ts";
import { chooseModels } from "../../src/forecast/select.ts";
import { pooledAnchors } from "../../src/forecast/select/anchor.ts";
import { autoBacktest } from "../../src/forecast/auto_score.ts";
import { backtestSummary } from "../../src/outputs/backtest_summary.ts";
import { formatBacktestCsv } from "../../src/outputs/backtest_csv.ts";
import { seasonalNaiveModel } from "../../src/forecast/registry.ts";
import { generateSynthetic } from "../../src/data/synthetic.ts";
import { formatIsoDay, parseIsoDay } from "../../src/data/dates.ts";
import { InputError } from "../../src/io/errors.ts";
import type { ForecastModel } from "../../src/forecast/types.ts";
import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";
import { contextFor, MONDAY, weeklySeries } from "./series_fixtures.ts";

const day = (iso: string) => parseIsoDay(iso)!;

Deno.test("cutoffs: the last window ends on the last day; or start at --first-cutoff", () => {
  const plan = planBacktest(
    { horizon: 28, windows: 4, step: 28, refitEvery: 1 },
    day("2023-01-01"),
    day("2024-12-30"),
  );
  assertEquals(plan.cutoffs.map(formatIsoDay), [
    "2024-09-09",
    "2024-10-07",
    "2024-11-04",
    "2024-12-02",
  ]);
  const forward = planBacktest(
    { horizon: 28, windows: 10, step: 28, refitEvery: 1, firstCutoff: day("2024-10-01") },
    day("2023-01-01"),
    day("2024-12-30"),
  );
  assertEquals(forward.cutoffs.map(formatIsoDay), ["2024-10-01", "2024-10-29", "2024-11-26"]);
  assertThrows(
    () =>
      planBacktest(
        { horizon: 28, windows: 4, step: 28, refitEvery: 1 },
        day("2024-12-01"),
        day("2024-12-30"),
      ),
    InputError,
    "too short",
  );
});

Deno.test("refit every k windows; 0 fits once and rolls forward", async () => {
  const series = contextFor("sales", weeklySeries(200));
  const plan = (refitEvery: number) => ({
    horizon: 14,
    cutoffs: [MONDAY + 100, MONDAY + 120, MONDAY + 140, MONDAY + 160],
    refitEvery,
  });
  assertEquals([0, 1, 2, 3].map((k) => refitsAt(plan(2), k)), [true, false, true, false]);
  for (const [refitEvery, fits] of [[1, 4], [2, 2], [0, 1]]) {
    let count = 0;
    const counting: ForecastModel = {
      ...seasonalNaiveModel,
      fit(history, options) {
        count++;
        return seasonalNaiveModel.fit(history, options);
      },
    };
    const result = await backtestSeries(counting, series, plan(refitEvery), { seed: 1 });
    assertEquals(count, fits, `refit every ${refitEvery}`);
    assertEquals(result.windows.length, 4);
    // rolling forward: the forecast at window 2 starts from the data up to its own cutoff
    assertEquals(result.windows[1].forecast.mean[0], series.values[120 - 7 + 1]);
  }
});

Deno.test("a backtest of the demo data writes the contract's CSV and summary, and auto scores honestly", async () => {
  const set = generateSynthetic({ products: 2, days: 200, start: day("2023-01-01"), seed: 1 });
  const plan = planBacktest(
    { horizon: 14, windows: 3, step: 14, refitEvery: 1 },
    set.products[0].start,
    set.products[0].start + 199,
  );
  const result = await runBacktest(set, {
    plan,
    models: ["snaive7", "ma28", "ets", "lag"],
    seed: 1,
  });
  const csv = [...formatBacktestCsv(result.series)].join("").trimEnd().split("\n");
  assertEquals(csv[0], "product_id,target,model,date,forecast,lo80,hi80,lo95,hi95,cutoff,actual");
  // 2 products × (3 sales models + 4 returns models) × 3 windows × 14 days
  assertEquals(csv.length - 1, 2 * 7 * 3 * 14);
  const choices = chooseModels(result.series);
  assertEquals(choices.length, 4);
  assertEquals(choices, result.choices, "the run's choices, anchored on the same pool");
  const anchors = pooledAnchors(result.series);
  assertEquals(anchors, result.anchors);
  for (const choice of choices) {
    // The model best pooled across products, unless one is clearly better on this product.
    const anchor = anchors[choice.target]!.model;
    assert(
      choice.model === anchor || choice.reason.startsWith(`clearly better than ${anchor}`),
      choice.reason,
    );
    assert(choice.reason.includes("RMSSE"), choice.reason);
  }
  const auto = autoBacktest(result.series);
  assertEquals(auto.length, 4);
  assert(auto.every((s) => s.windows.length === 3), "auto forecasts every window");
  const summary = backtestSummary(result.series, choices, { horizon: 14 });
  const keys = Object.keys(summary.metrics[0]);
  for (
    const key of [
      "target",
      "model",
      "mae",
      "rmse",
      "wape",
      "wape_week",
      "mase",
      "rmsse",
      "bias",
      "coverage80",
      "coverage95",
    ]
  ) {
    assert(keys.includes(key), `summary has ${key}`);
  }
  assert(summary.metrics.some((m) => m.model === "auto"), "auto is on the leaderboard");
});
