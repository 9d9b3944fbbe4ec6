import { assertEquals } from "../helpers/assert.ts";
import { svgOnlyCells } from "../../tools/notebooks/export_html.ts";

Deno.test("svgOnlyCells finds the cells nbconvert's HTML export would show blank", () => {
  const svg = { data: { "image/svg+xml": "<svg/>" } };
  const both = { data: { "image/svg+xml": "<svg/>", "text/html": "<svg/>" } };
  const html = { data: { "text/html": "<svg/>" } };
  const stream = {};
  assertEquals(
    svgOnlyCells({
      cells: [
        { cell_type: "markdown" },
        { cell_type: "code", execution_count: 1, outputs: [stream, svg] },
        { cell_type: "code", execution_count: 2, outputs: [both] },
        { cell_type: "code", execution_count: 3, outputs: [html] },
        { cell_type: "code", execution_count: null, outputs: [svg] },
      ],
    }),
    [1, 5],
  );
  assertEquals(svgOnlyCells({}), []);
});
