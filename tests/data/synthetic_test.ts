import { generateSynthetic } from "../../src/data/synthetic.ts";
import { formatDaily } from "../../src/data/write_daily.ts";
import { parseIsoDay } from "../../src/data/dates.ts";
import { parseDaily } from "../../src/data/parse_daily.ts";
import { sum } from "../../src/data/series.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const DEFAULTS = { products: 5, days: 730, start: parseIsoDay("2023-01-01")!, seed: 42 };

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const ma = sum(a) / n;
  const mb = sum(b) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

Deno.test("the default dataset has 5 products × 730 days from 2023-01-01", () => {
  const text = formatDaily(generateSynthetic(DEFAULTS));
  const lines = text.trimEnd().split("\n");
  assertEquals(lines.length, 1 + 3650);
  assertEquals(lines[0], "date,product_id,sales,returns");
  assert(lines[1].startsWith("2023-01-01,P001,"));
  assert(lines[3650].startsWith("2024-12-30,P005,"));
});

Deno.test("the same seed gives the same bytes; another seed gives other data", () => {
  const a = formatDaily(generateSynthetic(DEFAULTS), { withTruth: true });
  const b = formatDaily(generateSynthetic(DEFAULTS), { withTruth: true });
  const c = formatDaily(generateSynthetic({ ...DEFAULTS, seed: 43 }), { withTruth: true });
  assertEquals(a, b);
  assert(a !== c, "seed 43 differs from seed 42");
});

Deno.test("sales are integer counts with P001 around 100–150 a day and a trend", () => {
  const set = generateSynthetic(DEFAULTS);
  for (const product of set.products) {
    assert(product.sales.every((v) => Number.isInteger(v) && v >= 0), `${product.id} integers`);
    assert(product.returns.every((v) => Number.isInteger(v) && v >= 0), `${product.id} returns`);
  }
  const p001 = set.products[0].sales;
  const mean = sum(p001) / p001.length;
  assert(mean >= 100 && mean <= 150, `P001 mean ${mean}`);
  const firstYear = sum(p001.slice(0, 365));
  const secondYear = sum(p001.slice(365));
  assert(secondYear > firstYear * 1.05, `trend: ${firstYear} → ${secondYear}`);
});

Deno.test("weekly and yearly seasonality are visible in the expected values", () => {
  const set = generateSynthetic(DEFAULTS);
  const expected = set.products[0].expectedSales!;
  const week = Array.from({ length: 7 }, (_, d) => {
    let total = 0;
    for (let i = d; i < 364; i += 7) total += expected[i];
    return total / 52;
  });
  assert(Math.max(...week) / Math.min(...week) > 1.3, `weekly ratio ${week}`);
  const months = Array.from({ length: 12 }, (_, m) => sum(expected.slice(m * 30, m * 30 + 30)));
  assert(Math.max(...months) / Math.min(...months) > 1.2, "yearly swing");
});

Deno.test("return rates lie in 5–15 % and returns follow sales by 7 days", () => {
  const set = generateSynthetic(DEFAULTS);
  for (const product of set.products) {
    const rate = sum(product.returns) / sum(product.sales);
    assert(rate >= 0.05 && rate <= 0.15, `${product.id} return rate ${rate}`);
    const correlations = Array.from(
      { length: 15 },
      (_, lag) =>
        correlation(product.returns.slice(lag), product.sales.slice(0, product.sales.length - lag)),
    );
    const best = correlations.indexOf(Math.max(...correlations));
    assertEquals(best, 7, `${product.id} lag with the highest correlation`);
  }
});

Deno.test("a product is the same whatever the number of products generated", () => {
  const few = generateSynthetic(DEFAULTS);
  const many = generateSynthetic({ ...DEFAULTS, products: 40 });
  assertEquals(Array.from(many.products[2].sales), Array.from(few.products[2].sales));
  assertEquals(many.products[39].id, "P040");
});

Deno.test("with-truth output reads back with its expected columns", () => {
  const set = generateSynthetic({ ...DEFAULTS, days: 30 });
  const back = parseDaily(formatDaily(set, { withTruth: true }), "x.csv");
  assertEquals(Array.from(back.products[1].sales), Array.from(set.products[1].sales));
  const truth = back.products[1].expectedSales!;
  assert(Math.abs(truth[5] - set.products[1].expectedSales![5]) < 0.001, "expected_sales kept");
});
