import { terminalSafe } from "../../src/io/terminal.ts";
import { clipped, quoted } from "../../src/io/errors.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

Deno.test("control and bidirectional characters are escaped for the terminal", () => {
  assertEquals(terminalSafe("P1\u001b[2J\r\nx\u202e\u0007"), "P1\\x1b[2J\\r\\nx\\u{202e}\\x07");
  assertEquals(terminalSafe("Ünïcødé 製品 ok"), "Ünïcødé 製品 ok");
});

Deno.test("error messages quote at most about 100 characters of a value", () => {
  const long = "x".repeat(200_000_000 / 1000);
  assert(quoted(long).length < 130, quoted(long));
  assert(quoted(long).includes("200,000 characters"), quoted(long));
  assertEquals(quoted("abc"), '"abc"');
  assert(clipped("y".repeat(5000)).length < 130);
});
