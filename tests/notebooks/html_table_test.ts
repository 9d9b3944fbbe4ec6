import { assertEquals, assertIncludes } from "../helpers/assert.ts";
import { htmlTable } from "../../src/notebooks/html_table.ts";
import { html } from "../../src/report/html.ts";

Deno.test("htmlTable escapes cells and headers, and keeps Html as it is", () => {
  const table = String(htmlTable(["<id>", "note"], [["<img src=x>", html`<b>ok</b>`]], {
    caption: "a & b",
  }));
  assertIncludes(table, '<th style="text-align:left">&lt;id&gt;</th>');
  assertIncludes(table, '<td style="text-align:left">&lt;img src=x&gt;</td>');
  assertIncludes(table, "<b>ok</b>");
  assertIncludes(table, ">a &amp; b</caption>");
});

Deno.test("htmlTable right-aligns columns of numbers, ignoring empty cells", () => {
  const table = String(htmlTable(
    ["model", "MAE", "share", "count", "mixed"],
    [
      ["ets", "19.84", "12.3 %", 3, "1"],
      ["lstm", "1,234.5", "–", "", "x"],
    ],
  ));
  const heads = [...table.matchAll(/<th style="text-align:(\w+)">/g)].map((m) => m[1]);
  assertEquals(heads, ["left", "right", "right", "right", "left"]);
});

Deno.test("htmlTable takes the alignment a column asks for", () => {
  const table = String(htmlTable([{ label: "code", numeric: false }], [["123"]]));
  assertIncludes(table, '<td style="text-align:left">123</td>');
});
