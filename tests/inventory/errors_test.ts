// The empirical error distribution, pooling with similar products, and the demand classes.
import {
  cdf,
  errorDistribution,
  expectedExcess,
  quantile,
} from "../../src/inventory/errors/empirical.ts";
import { estimateCredibility, pooledErrors, poolOf } from "../../src/inventory/errors/pooling.ts";
import { demandScale, sampleScales, totalOfFirst } from "../../src/inventory/errors/scale.ts";
import { classOf, demandProfile } from "../../src/inventory/errors/classify.ts";
import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../helpers/assert.ts";

const s = (cycle: number, scale: number, lead = 0) => ({ cycle, lead, scale });

Deno.test("empirical quantile, CDF and loss function (hand-computed)", () => {
  const d = errorDistribution([4, 1, 3, 2].map((cycle) => ({ cycle })));
  assertEquals(Array.from(d.cycle), [1, 2, 3, 4]);
  assertEquals(quantile(d, 0.5), 2);
  assertEquals(quantile(d, 0.51), 3);
  assertEquals(cdf(d, 2.5), 0.5);
  assertEquals(expectedExcess(d, 2), (1 + 2) / 4);
  assertThrows(() => errorDistribution([]), RangeError, "no sample");
});

Deno.test("empirical quantile with pooling (hand-computed)", () => {
  // Own: 2 samples at scale 10 (n = 2), k = 2: own weight Z = ½, ¼ each, rescaled to today's
  // scale 20 (×2): 6 and 30. Pool: product A (errors 5, −5 at scale 5 → 1, −1 per unit of scale)
  // and product B (40 at scale 20 → 2), each ½ of the pool → ×20: A 20, −20 (⅛ each), B 40 (¼).
  const pool = poolOf([[s(5, 5), s(-5, 5)], [s(40, 20)]]);
  assertEquals(pool.map((p) => [p.cycle, p.weight]), [[-1, 0.25], [1, 0.25], [2, 0.5]]);
  const d = pooledErrors([s(3, 10), s(15, 10)], pool, 20, { credibility: 2 });
  assertEquals(Array.from(d.cycle), [-20, 6, 20, 30, 40]);
  assertEquals(Array.from(d.weight), [0.125, 0.25, 0.125, 0.25, 0.25]);
  assertEquals(quantile(d, 0.375), 6);
  assertEquals(quantile(d, 0.5), 20);
  assertEquals(quantile(d, 0.9), 40);
  assertAlmostEquals(cdf(d, 25), 0.5);
  // Overlapping windows count less: ½ window each → n = 1, Z = ⅓.
  const half = pooledErrors([s(3, 10), s(15, 10)], pool, 10, {
    credibility: 2,
    windowsPerSample: 0.5,
  });
  assertAlmostEquals(half.weight[Array.from(half.cycle).indexOf(3)], 1 / 6);
  // No own samples: the pool alone; no pool: own alone; neither: an error.
  assertEquals(Array.from(pooledErrors([], pool, 1, { credibility: 2 }).cycle), [-1, 1, 2]);
  assertEquals(Array.from(pooledErrors([s(4, 2)], [], 2, { credibility: 2 }).cycle), [4]);
  assertThrows(() => pooledErrors([], [], 1, { credibility: 2 }), RangeError, "no error samples");
});

Deno.test("a large pool is summarised, weight and mean kept, and always ends", () => {
  // 5 products × 40 samples = 200 points summarised by 120 (this once looped forever).
  const products = Array.from(
    { length: 5 },
    (_, p) => Array.from({ length: 40 }, (_, i) => s(((i * 7 + p * 3) % 41) - 20, 1 + p)),
  );
  const pool = poolOf(products, 120);
  assertEquals(pool.length, 120);
  assertAlmostEquals(pool.reduce((t, p) => t + p.weight, 0), 1, 1e-9);
  const exact = poolOf(products, Infinity);
  const mean = (points: typeof pool) => points.reduce((t, p) => t + p.weight * p.cycle, 0);
  assertAlmostEquals(mean(pool), mean(exact), 1e-9);
  for (let i = 1; i < pool.length; i++) assert(pool[i].cycle >= pool[i - 1].cycle - 1e-12);
});

Deno.test("credibility constant k (Bühlmann–Straub, hand-computed)", () => {
  const u = (x: number) => s(x, 1);
  // |u| means 1 and 3, variances 2 → EPV 2; VHM = (4 − 2) / (4 − 2) = 1 → k = 2.
  assertAlmostEquals(estimateCredibility([[u(0), u(2)], [u(2), u(-4)]])!, 2);
  // Products alike: between-variance not above chance → ∞ (trust the pool).
  assertEquals(estimateCredibility([[u(0), u(2)], [u(2), u(0)]]), Infinity);
  assertEquals(estimateCredibility([[u(1), u(2)]]), undefined);
});

Deno.test("demand scale and demand classes (Syntetos–Boylan–Croston)", () => {
  assertEquals(demandScale([2, 4, 6, 8], 4, 14, 2), 98);
  assertEquals(demandScale([0, 0, 0], 3, 14, 3), 1); // at least 1 unit
  // An erratic product's recent level follows it, but a quiet spell is floored at ¼ of its
  // long-run level: an error of 500 units after 56 quiet days is 18 per unit of scale, not 500
  // (pooled, 500 would have set every similar product's tail).
  const paused = [...Array(200).fill(10), ...Array(56).fill(0)];
  const floor = 0.25 * (2000 / 256) * 14;
  assertAlmostEquals(sampleScales(paused, 256, 14, "erratic")(256, 140), floor);
  assertEquals(sampleScales(paused, 256, 14, "erratic")(200, 0), 140); // recent 10 a day × 14
  // A smooth product's scale is what its forecast expected (season and trend included), with
  // the same floor under a forecast near zero.
  assertEquals(
    sampleScales(paused, 256, 14, "smooth")(
      200,
      totalOfFirst([...Array(13).fill(20), 40, 99], 14),
    ),
    300,
  );
  assertAlmostEquals(sampleScales(paused, 256, 14, "smooth")(200, totalOfFirst([2], 14)), floor);
  assertAlmostEquals(
    sampleScales(paused, 256, 14, "lumpy")(200, 280),
    (2000 / 256) * 14,
  ); // long run
  assertEquals(totalOfFirst([1, 2, 3, 4], 3), 6);
  assertEquals(totalOfFirst([1, 2], 14), 3);
  assertEquals(classOf(1, 0.1), "smooth");
  assertEquals(classOf(1, 1), "erratic");
  assertEquals(classOf(2, 0.1), "intermittent");
  assertEquals(classOf(2, 1), "lumpy");
  // Sales on every other day, always 10: ADI 2, CV² 0 → intermittent.
  const profile = demandProfile(Float64Array.from({ length: 20 }, (_, i) => (i % 2 ? 10 : 0)));
  assertEquals(profile.demandClass, "intermittent");
});
