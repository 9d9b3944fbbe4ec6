import { assertEquals } from "../helpers/assert.ts";
import { cleanSeries } from "../../src/data/clean.ts";
import { createRandom } from "../../src/util/random.ts";

/** The spike rule, read the plain way: every neighbour gathered for every day. */
function referenceSpikes(values: Float64Array, open?: Uint8Array): number[] {
  const isOpen = (j: number) => !open || open[j] === 1;
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const all = [...values].filter((v, j) => v > 0 && isOpen(j));
  const whole = all.length > 4 ? median(all) : NaN;
  const spikes: number[] = [];
  values.forEach((value, i) => {
    if (value === 0 || !isOpen(i)) return;
    const near: number[] = [];
    for (let j = Math.max(0, i - 21); j <= Math.min(values.length - 1, i + 21); j++) {
      if (j !== i && values[j] > 0 && isOpen(j)) near.push(values[j]);
    }
    const typical = near.length >= 4 ? median(near) : whole;
    if (typical > 0 && value > 5 * typical) spikes.push(i);
  });
  return spikes;
}

Deno.test("spikes: the running neighbour counts and minima find what gathering every neighbour finds", () => {
  const random = createRandom(11);
  for (let trial = 0; trial < 400; trial++) {
    const days = 1 + Math.floor(random.uniform() * 160);
    const zeros = random.uniform();
    // Widely spread (a day 5× its smallest neighbour is common) with a few huge ones.
    const values = Float64Array.from(
      { length: days },
      () =>
        random.uniform() < zeros
          ? 0
          : random.uniform() < 0.05
          ? 500
          : Math.round(Math.exp(1.5 * random.normal()) * 5),
    );
    const open = trial % 2 === 0
      ? undefined
      : Uint8Array.from({ length: days }, () => (random.uniform() < 0.9 ? 1 : 0));
    const cleaned = cleanSeries(values, 19000, open);
    // Closed days are filled from their weekday instead: only open days are capped.
    const capped = [...values.keys()].filter((i) =>
      (!open || open[i] === 1) && cleaned.values[i] < values[i]
    );
    assertEquals(capped, referenceSpikes(values, open), `trial ${trial}`);
  }
});
