/**
 * The explorer at a size no machine here can plan in a benchmark's time: a report's page data
 * with its product records repeated (ids numbered) until there are `count` of them, written as
 * another report.html. The records keep their real sizes and contents — a product picked on the
 * page decodes and computes as in the report — so the size of the page, its opening time and its
 * updates are those of a report of `count` such products. Prints the output path and sizes.
 * Usage: deno run -A bench/explorer_scaled.ts REPORT_HTML COUNT OUT_HTML
 * @module
 */

import { DATA_ELEMENT_ID, type ExplorerPayload } from "../src/report/explorer/payload.ts";
import { scriptJson } from "../src/report/embed.ts";

const [input, countText, output] = Deno.args;
const count = Number(countText);
if (!input || !output || !Number.isSafeInteger(count) || count < 1) {
  console.error("usage: deno run -A bench/explorer_scaled.ts REPORT_HTML COUNT OUT_HTML");
  Deno.exit(2);
}
const html = await Deno.readTextFile(input);
const open = `<script type="application/json" id="${DATA_ELEMENT_ID}">`;
const start = html.indexOf(open);
const end = html.indexOf("</script>", start);
if (start < 0 || end < 0) {
  console.error(`${input}: no explorer page data (#${DATA_ELEMENT_ID}) in it`);
  Deno.exit(1);
}
const payload: ExplorerPayload = JSON.parse(html.slice(start + open.length, end));
const n = payload.ids.length;
const scaled: ExplorerPayload = {
  ...payload,
  ids: Array.from(
    { length: count },
    (_, i) => i < n ? payload.ids[i] : `${payload.ids[i % n]}-${Math.floor(i / n)}`,
  ),
  products: Array.from({ length: count }, (_, i) => payload.products[i % n]),
};
const json = scriptJson(scaled);
const page = html.slice(0, start + open.length) + json + html.slice(end);
await Deno.writeTextFile(output, page);
const records = scaled.products.reduce((total, p) => total + p.length, 0);
console.log(JSON.stringify({
  output,
  products: count,
  htmlMB: page.length / 1e6,
  recordBytesPerProduct: Math.round(records / count),
}));
