import { parseShard, selectShard, shardOf } from "../../src/data/shard.ts";
import { InputError } from "../../src/io/errors.ts";
import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";

Deno.test("shards are stable, disjoint and together cover every product", () => {
  const ids = Array.from({ length: 200 }, (_, i) => `SKU-${i}`);
  const products = ids.map((id) => ({
    id,
    start: 0,
    sales: new Float64Array(1),
    returns: new Float64Array(1),
    filledDays: 0,
  }));
  const set = { source: "t", products };
  const parts = [1, 2, 3, 4].map((index) =>
    selectShard(set, { index, count: 4 }).products.map((p) => p.id)
  );
  assertEquals(parts.flat().sort(), [...ids].sort());
  assertEquals(new Set(parts.flat()).size, ids.length);
  assert(parts.every((part) => part.length > 30), `balanced enough: ${parts.map((p) => p.length)}`);
  assertEquals(shardOf("SKU-7", 4), shardOf("SKU-7", 4));
});

Deno.test("--shard takes K/N with 1 ≤ K ≤ N", () => {
  assertEquals(parseShard("2/8"), { index: 2, count: 8 });
  for (const bad of ["0/4", "5/4", "1/0", "x", "2-8"]) {
    assertThrows(() => parseShard(bad), InputError, "--shard");
  }
});
