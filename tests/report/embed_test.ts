/**
 * Data and code inside `<script>`: JSON that cannot end the element (and still means the same
 * value), code checked before it is inlined, and the report page's explorer data element.
 */

import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";
import { checkInlineScript, scriptJson } from "../../src/report/embed.ts";
import { explorerScripts } from "../../src/report/sections/explorer.ts";
import { EXPLORER_JS } from "../../src/report/explorer/bundle.gen.ts";
import type { ExplorerPayload } from "../../src/report/explorer/payload.ts";

Deno.test("scriptJson: the same value, and nothing that can end or change a script element", () => {
  const value = { id: "</script><script>alert(1)</script>", other: "a\u2028b\u2029c<!--d-->&" };
  const text = scriptJson(value);
  assertEquals(JSON.parse(text), value);
  assert(!/[<>&\u2028\u2029]/.test(text), text);
});

Deno.test("checkInlineScript refuses what would end the element or change the parser's state", () => {
  for (const bad of ["x='</script>'", "x='</SCRIPT '", "<!-- x", "y='<script>'"]) {
    assertThrows(() => checkInlineScript(bad), Error, "Cannot inline script");
  }
  assertEquals(checkInlineScript("a < b && c > d"), "a < b && c > d");
  assertEquals(checkInlineScript(EXPLORER_JS), EXPLORER_JS);
});

Deno.test("the explorer's data element holds only escaped text", () => {
  const payload = {
    schema: 1,
    ids: ["</script><script>alert(1)</script>", "a\u2028<!--b"],
    products: [],
  } as unknown as ExplorerPayload;
  const markup = String(explorerScripts(payload, "void 0"));
  const data = /<script type="application\/json" id="explorer-data">([^]*?)<\/script>/.exec(
    markup,
  )![1];
  assert(!/[<\u2028\u2029]/.test(data), data);
  assertEquals(JSON.parse(data).ids, payload.ids);
  assertEquals(markup.match(/<script/g)!.length, 2);
});
