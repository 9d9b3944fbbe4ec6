import { parseOnHand } from "../../src/inventory/on_hand.ts";
import { InputError } from "../../src/io/errors.ts";
import { assertEquals, assertThrows } from "../helpers/assert.ts";

Deno.test("stock positions: on_order is optional", () => {
  const positions = parseOnHand("product_id,on_hand,on_order\nP1,10,5\nP2,3,\n", "s.csv");
  assertEquals(positions.get("P1"), { onHand: 10, onOrder: 5 });
  assertEquals(positions.get("P2"), { onHand: 3, onOrder: 0 });
  assertEquals(parseOnHand("product_id,on_hand\nP1,4\n", "s.csv").get("P1"), {
    onHand: 4,
    onOrder: 0,
  });
});

Deno.test("stock positions: bad input names file, line and value", () => {
  assertThrows(() => parseOnHand("sku,qty\nP1,4\n", "s.csv"), InputError, "s.csv:1", "on_hand");
  assertThrows(
    () => parseOnHand("product_id,on_hand\nP1,-4\n", "s.csv"),
    InputError,
    "s.csv:2",
    '"-4"',
  );
  assertThrows(
    () => parseOnHand("product_id,on_hand\nP1,4\nP1,5\n", "s.csv"),
    InputError,
    "s.csv:3",
    "twice",
  );
  assertThrows(() => parseOnHand("", "s.csv"), InputError, "empty");
});

Deno.test("stock positions: decimal notation within 0 to 10^12 only", () => {
  for (const value of ["0x10", "1e308", "Infinity", "-1"]) {
    assertThrows(
      () => parseOnHand(`product_id,on_hand\nP1,${value}\n`, "s.csv"),
      InputError,
      "s.csv:2",
      JSON.stringify(value),
    );
  }
  assertEquals(parseOnHand("product_id,on_hand\nP1,12.5\n", "s.csv").get("P1")!.onHand, 12.5);
});
