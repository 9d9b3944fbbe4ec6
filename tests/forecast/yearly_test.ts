/**
 * The yearly profile: nothing with a year of history or less; the synthetic seasons recovered
 * with two; products that share a season pooled, young ones inheriting the shop's; models fit on
 * the deseasonalised history and forecast in units.
 */

import {
  datasetYearlyProfiles,
  deseasonalised,
  expandProfiles,
  withYearlyProfile,
  yearlyCoefficientsAt,
  yearlyFactor,
} from "../../src/forecast/yearly/apply.ts";
import { YEARLY, yearlyProfiles } from "../../src/forecast/yearly/profile.ts";
import { generateSynthetic, productProfile } from "../../src/data/synthetic.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import type { SeriesContext } from "../../src/forecast/types.ts";
import { runBacktest } from "../../src/forecast/dataset/backtest.ts";
import { backtestSeries } from "../../src/forecast/backtest/series.ts";
import { contextOf } from "../../src/forecast/context.ts";
import { etsModel, thetaModel } from "../../src/forecast/registry.ts";
import { createRandom } from "../../src/util/random.ts";
import { assert, assertAlmostEquals, assertEquals } from "../helpers/assert.ts";

const START = parseIsoDay("2023-01-01")!;

/** RMS distance of a profile from 1 + a·cos(2π(doy − peak)/365.25) over a year. */
function distance(profile: Float64Array, amplitude: number, peak: number): number {
  let total = 0;
  for (let d = 0; d < 365; d++) {
    const truth = 1 + amplitude * Math.cos(2 * Math.PI * (d - peak) / 365.25);
    total += (profile[d] - truth) ** 2;
  }
  return Math.sqrt(total / 365);
}

Deno.test("yearly: with a year of history or less there is no profile, and the backtest is unchanged", async () => {
  for (const days of [200, 365]) {
    const set = generateSynthetic({ products: 3, days, start: START, seed: 42 });
    assertEquals(datasetYearlyProfiles(set), undefined, `${days} days`);
  }
  // A 730-day dataset cut at its first year's last day: none either.
  const set = generateSynthetic({ products: 3, days: 730, start: START, seed: 42 });
  assertEquals(datasetYearlyProfiles(set, undefined, START + 364), undefined, "cut at 365 days");
  assert(datasetYearlyProfiles(set, undefined, START + 365) !== undefined, "366 days: a profile");
  // And a backtest on one year is exactly the plain backtest of each model, no profile in play.
  const year = generateSynthetic({ products: 2, days: 365, start: START, seed: 7 });
  const plan = { horizon: 14, cutoffs: [START + 330, START + 344], refitEvery: 1 };
  const result = await runBacktest(year, { plan, models: ["ets", "theta"], seed: 1 });
  for (const product of year.products) {
    for (const model of [etsModel, thetaModel]) {
      const plain = await backtestSeries(model, contextOf(product, "sales"), plan, { seed: 1 });
      const run = result.series.find((s) =>
        s.productId === product.id && s.target === "sales" && s.model === model.name
      )!;
      assertEquals(
        run.windows.map((w) => Array.from(w.forecast.mean)),
        plain.windows.map((w) => Array.from(w.forecast.mean)),
        `${product.id} ${model.name}`,
      );
    }
  }
});

Deno.test("yearly: two years of the synthetic data give each product its own season back", () => {
  const set = generateSynthetic({ products: 5, days: 730, start: START, seed: 42 });
  const profiles = datasetYearlyProfiles(set)!;
  set.products.forEach((product, i) => {
    const shape = productProfile(i, 42);
    const own = distance(profiles.get(product.id)!, shape.yearlyAmplitude, shape.peakDayOfYear);
    const flat = distance(
      new Float64Array(366).fill(1),
      shape.yearlyAmplitude,
      shape.peakDayOfYear,
    );
    assert(own < 0.05 && own < flat / 3, `${product.id}: ${own.toFixed(3)} against flat ${flat}`);
  });
});

/** Daily Poisson sales around `level` × a shared Christmas-peaked season, from `start`. */
function shared(id: string, days: number, level: number, seed: number, start = START) {
  const random = createRandom(seed);
  const values = Float64Array.from({ length: days }, (_, t) => {
    const doy = (t + start - START) % 365;
    return random.poisson(level * (1 + 0.4 * Math.cos(2 * Math.PI * (doy - 340) / 365.25)));
  });
  return { productId: id, target: "sales", start, values, sales: values } as SeriesContext;
}

Deno.test("yearly: products sharing a season keep the shop's; a young product inherits it", () => {
  const histories = [
    shared("A", 730, 40, 1),
    shared("B", 730, 25, 2),
    shared("C", 730, 60, 3),
    shared("YOUNG", 120, 30, 4, START + 610),
  ];
  const profiles = yearlyProfiles(histories)!;
  for (const id of ["A", "B", "C", "YOUNG"]) {
    const d = distance(profiles.get(id)!, 0.4, 340);
    assert(d < 0.06, `${id} near the shared season: ${d.toFixed(3)}`);
  }
  // Products with under a year of their own all get exactly the shop's profile.
  const again = yearlyProfiles([...histories, shared("NEW", 60, 10, 5, START + 670)])!;
  assertEquals(Array.from(again.get("NEW")!), Array.from(again.get("YOUNG")!));
});

Deno.test("yearly: a model fits on the deseasonalised history and forecasts in units", () => {
  const profile = Float64Array.from({ length: 366 }, (_, d) => (d < 183 ? 0.5 : 1.5));
  const values = Float64Array.from(
    { length: 400 },
    (_, i) => 10 * yearlyFactor(profile, START + i),
  );
  const context: SeriesContext = {
    productId: "P",
    target: "sales",
    start: START,
    values,
    sales: values,
    yearly: profile,
  };
  const flat = deseasonalised(context);
  assert(flat.values.every((v) => Math.abs(v - 10) < 1e-9), "deseasonalised: flat 10");
  assertEquals(flat.sales, flat.values, "sales context: sales too");
  // A model that forecasts the last deseasonalised value; wrapped, it forecasts in units.
  const inner = {
    model: "last",
    predict: (c: SeriesContext, h: number) => new Float64Array(h).fill(c.values.at(-1)!),
  };
  const forecast = withYearlyProfile(inner).predict(context, 3);
  for (let h = 0; h < 3; h++) {
    assertAlmostEquals(forecast[h], 10 * yearlyFactor(profile, START + 400 + h), 1e-9);
  }
  // Without a profile the wrapper passes through.
  const { yearly: _drop, ...plain } = context;
  assertEquals(Array.from(withYearlyProfile(inner).predict(plain, 2)), [values[399], values[399]]);
});

Deno.test("yearly: a backtest's coefficients at each cutoff make exactly the dataset's profiles", () => {
  const set = generateSynthetic({ products: 4, days: 730, start: START, seed: 3 });
  const young = generateSynthetic({ products: 1, days: 100, start: START + 630, seed: 9 });
  const all = { ...set, products: [...set.products, { ...young.products[0], id: "YOUNG" }] };
  const cutoffs = [START + 300, START + 500, START + 729];
  const coefficients = yearlyCoefficientsAt(all, undefined, cutoffs);
  assertEquals(coefficients[0], undefined, "a year or less: none");
  for (const [k, cutoff] of cutoffs.entries()) {
    if (k === 0) continue;
    const profiles = datasetYearlyProfiles(all, undefined, cutoff)!;
    for (const product of all.products) {
      const beta = coefficients[k]!.get(product.id);
      if (!profiles.has(product.id)) {
        assertEquals(beta, undefined);
        continue;
      }
      assertEquals(beta!.length, 2 * YEARLY.harmonics, "2K numbers per product and cutoff");
      const [expanded] = expandProfiles([beta])!;
      assertEquals(Array.from(expanded!), Array.from(profiles.get(product.id)!), product.id);
    }
  }
  // The young product (under a year of its own) is on the shop's coefficients.
  const last = coefficients[2]!;
  assert(last.has("YOUNG"));
  assert(set.products.every((p) => last.get(p.id) !== last.get("YOUNG")), "own seasons");
});

Deno.test("yearly: deseasonalising many histories gives the same numbers when asked again", () => {
  // More histories × profiles than the runs kept, each asked for whole, then a prefix, then again.
  const exact = (c: SeriesContext) =>
    Array.from(c.values, (v, i) => v / yearlyFactor(c.yearly!, c.start + i));
  const contexts = Array.from({ length: 400 }, (_, i): SeriesContext => {
    const values = Float64Array.from({ length: 60 }, (_, t) => 5 + ((t * 7 + i) % 11));
    const yearly = Float64Array.from({ length: 366 }, (_, d) => 0.5 + ((d + i) % 5) / 4);
    return { productId: `P${i}`, target: "sales", start: START + i, values, sales: values, yearly };
  });
  for (const c of contexts) assertEquals(Array.from(deseasonalised(c).values), exact(c));
  for (const c of contexts) {
    const prefix = { ...c, values: c.values.subarray(0, 30), sales: c.values.subarray(0, 30) };
    assertEquals(Array.from(deseasonalised(prefix).values), exact(prefix), `${c.productId} prefix`);
    // The same array under another profile is divided by that profile.
    const other = { ...c, yearly: contexts[(Number(c.productId.slice(1)) + 1) % 400].yearly };
    assertEquals(Array.from(deseasonalised(other).values), exact(other), `${c.productId} other`);
  }
  for (const c of contexts.slice(0, 50)) {
    assertEquals(Array.from(deseasonalised(c).values), exact(c), `${c.productId} again`);
  }
});
