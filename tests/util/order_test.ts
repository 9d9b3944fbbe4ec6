import { assertEquals } from "../helpers/assert.ts";
import { sortedIndices } from "../../src/util/order.ts";
import { createRandom } from "../../src/util/random.ts";

Deno.test("sorted indices: the order of a stable comparator sort, ties in index order, both ways", () => {
  const random = createRandom(4);
  for (let trial = 0; trial < 500; trial++) {
    const n = Math.floor(random.uniform() * 300);
    // Few distinct values (many ties), negative zeros among them.
    const values = Array.from(
      { length: n },
      () => (random.uniform() < 0.1
        ? -0
        : Math.round(random.normal() * (trial % 4 === 0 ? 1 : 20))),
    );
    const indices = values.map((_, i) => i);
    const up = [...indices].sort((a, b) => values[a] - values[b]);
    const down = [...indices].sort((a, b) => values[b] - values[a]);
    assertEquals([...sortedIndices(values)], up, `trial ${trial} ascending`);
    assertEquals([...sortedIndices(values, true)], down, `trial ${trial} descending`);
  }
});
