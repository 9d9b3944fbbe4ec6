/**
 * The explorer's per-product records: the bytes give back exactly the record (history and means
 * as published, bounds at their decimals, the policy inputs), numbers keep the fewest exact
 * decimals, and the page data holds every product in the summary table's order.
 */

import { assert, assertEquals, assertThrows } from "../../helpers/assert.ts";
import {
  ByteReader,
  ByteWriter,
  exactDigits,
  fromBase64,
  toBase64,
} from "../../../src/report/explorer/bytes.ts";
import { boundDigits, decodeRecord, encodeRecord } from "../../../src/report/explorer/record.ts";
import {
  explorerPayload,
  packRecord,
  productRecord,
} from "../../../src/report/explorer/page_data.ts";
import { decodePools } from "../../../src/report/explorer/policy_inputs.ts";
import { EXACT_POOL_PRODUCTS } from "../../../src/inventory/planning/decisions.ts";
import { inflateSync } from "fflate";
import { decodeProduct, PAYLOAD_SCHEMA } from "../../../src/report/explorer/payload.ts";
import { resultOf } from "../../../src/forecast/dataset/results.ts";
import { FORECAST_DAYS } from "../../../src/config/run_config.ts";
import { smallRun } from "./run_fixture.ts";

const ctx = await smallRun(3);

Deno.test("numbers keep the fewest exact decimals and come back as the same doubles", () => {
  assertEquals(exactDigits([1, 2, 300], 3), 0);
  assertEquals(exactDigits([0.1, 2.25, 1.001], 3), 3);
  assertEquals(exactDigits([1.23456789], 3), 3);
  const values = [0, 1.5, -2.25, 1e12, 3.001, 12.345, -0.001, 7];
  const w = new ByteWriter();
  w.numbers(values, 3);
  w.numbers([0.1 + 0.2, 1 / 3], 6);
  w.integers([5, -5, 2 ** 40]);
  const r = new ByteReader(w.bytes());
  assertEquals(r.numbers(), values);
  assertEquals(r.numbers(), [0.3, 0.333333]);
  assertEquals(r.integers(), [5, -5, 2 ** 40]);
  assert(r.done);
  assertThrows(() => new ByteWriter().numbers([NaN], 3), RangeError, "finite");
  assertThrows(() => new ByteReader(new Uint8Array([0x80])).varint(), SyntaxError, "truncated");
  const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
  assertEquals(fromBase64(toBase64(bytes)), bytes);
});

Deno.test("a record survives its bytes exactly; history and means are the published numbers", () => {
  for (const product of ctx.set.products) {
    const record = productRecord(ctx, product.id);
    assertEquals(decodeRecord(encodeRecord(record)), record);
    const sales = resultOf(ctx.forecast, product.id, "sales").forecast;
    assertEquals(record.sales.mean, Array.from(sales.mean.subarray(0, FORECAST_DAYS)));
    assertEquals(record.history.sales, Array.from(product.sales.subarray(-90)));
    assertEquals(record.historyStart, product.start + product.sales.length - 90);
    assertEquals(record.firstDay, product.start + product.sales.length);
    // Bounds: 3 significant digits of the largest, so within 0.5 % of it.
    const top = Math.max(...sales.hi95);
    record.sales.hi95.forEach((v, h) => assert(Math.abs(v - sales.hi95[h]) <= 0.005 * top));
    const plan = ctx.plans.get(product.id)!;
    assertEquals(record.policy.errors?.cycle.length, plan.errors!.cycle.length);
  }
  assertEquals(boundDigits([150, 12]), 0);
  assertEquals(boundDigits([12.3]), 1);
  assertEquals(boundDigits([0.5]), 3);
  assertEquals(boundDigits([0, 0]), 3);
});

Deno.test("the page data lists every product in the summary table's order, each decodable", () => {
  const payload = explorerPayload(ctx);
  assertEquals(payload.schema, PAYLOAD_SCHEMA);
  assertEquals(payload.ids, ctx.figures.products.map((p) => p.productId));
  assertEquals(payload.run.forecastDays, FORECAST_DAYS);
  assertEquals(payload.run.horizon, 30);
  assertEquals(payload.run.policyRun, { leadTime: 7, reviewPeriod: 7, restockRate: 0.8 });
  payload.ids.forEach((id, i) => assertEquals(decodeProduct(payload, i), productRecord(ctx, id)));
  // Compact: a few KB per product.
  const bytes = payload.products.reduce((n, p) => n + p.length, 0) / payload.ids.length;
  assert(bytes < 6000, `${bytes} bytes per product`);
});

Deno.test("a class that shares one pool stores it once; the page pools errors as plan did", async () => {
  // More than EXACT_POOL_PRODUCTS products of one class: their decisions share one pool.
  const many = await smallRun(EXACT_POOL_PRODUCTS + 8);
  const payload = explorerPayload(many);
  const pools = decodePools(inflateSync(fromBase64(payload.run.pools)));
  const shared = [...many.plans.values()].filter((plan) => plan.pooling);
  assert(shared.length > EXACT_POOL_PRODUCTS, `${shared.length} products on a shared pool`);
  assertEquals(pools.length, new Set(shared.map((plan) => plan.pooling!.pool)).size);
  let bytes = 0;
  payload.ids.forEach((id, i) => {
    const plan = many.plans.get(id)!;
    const record = decodeProduct(payload, i);
    // The very distribution plan computed its levels from, to the last bit.
    assertEquals(record.policy.errors, plan.errors);
    assertEquals(record.policy.pooled !== undefined, plan.pooling !== undefined);
    if (plan.pooling) bytes += payload.products[i].length;
  });
  // By reference the record is far smaller than with the pooled points in it.
  const full = shared.reduce(
    (n, plan) => n + packRecord(productRecord(many, plan.productId)).length,
    0,
  );
  assert(bytes < 0.6 * full, `${bytes} bytes by reference against ${full} with the points`);
});
