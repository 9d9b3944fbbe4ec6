import { assert, assertEquals } from "../helpers/assert.ts";
import { nnls } from "../../src/util/nnls.ts";
import { createRandom } from "../../src/util/random.ts";

/** Projected coordinate descent summing the gradient over every coefficient (the plain way). */
function denseNnls(gram: Float64Array, xy: Float64Array, ridge: number, prior?: Float64Array) {
  const size = xy.length;
  const c = new Float64Array(size);
  for (let sweep = 0; sweep < 2000; sweep++) {
    let change = 0;
    for (let i = 0; i < size; i++) {
      const diagonal = gram[i * size + i] + ridge;
      if (diagonal <= 0) continue;
      let gradient = -xy[i] + ridge * (c[i] - (prior?.[i] ?? 0));
      for (let j = 0; j < size; j++) gradient += gram[i * size + j] * c[j];
      const next = Math.max(0, c[i] - gradient / diagonal);
      change = Math.max(change, Math.abs(next - c[i]));
      c[i] = next;
    }
    if (change < 1e-10) break;
  }
  return c;
}

Deno.test("nnls: summing over the non-zero coefficients only gives the dense solution bit for bit", () => {
  const random = createRandom(3);
  let zeros = 0;
  for (let trial = 0; trial < 300; trial++) {
    const size = 1 + Math.floor(random.uniform() * 30);
    const rows = size + Math.floor(random.uniform() * 60);
    const x = Float64Array.from({ length: rows * size }, () => random.uniform() - 0.3);
    const y = Float64Array.from({ length: rows }, () => random.uniform() - 0.4);
    const gram = new Float64Array(size * size);
    const xy = new Float64Array(size);
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < size; i++) {
        xy[i] += x[r * size + i] * y[r];
        for (let j = 0; j < size; j++) gram[i * size + j] += x[r * size + i] * x[r * size + j];
      }
    }
    const ridge = trial % 3 === 0 ? random.uniform() : 0;
    const prior = trial % 2 === 0 ? Float64Array.from({ length: size }, random.uniform) : undefined;
    const solved = nnls(gram, xy, ridge, prior, 2000);
    assertEquals([...solved], [...denseNnls(gram, xy, ridge, prior)], `trial ${trial}`);
    zeros += solved.filter((v) => v === 0).length;
  }
  assert(zeros > 100, "the problems have coefficients at the bound");
});
