import {
  forecastChart,
  inventoryChart,
  lineChart,
  MAX_POINTS_WITH_MARKERS,
} from "../../src/report/charts.ts";
import { assert, assertEquals, assertIncludes, assertThrows } from "../helpers/assert.ts";
import { inventoryPlan, isoDay, lossCurves, sineForecast, sineHistory } from "./chart_fixtures.ts";
import { assertSnapshot } from "./snapshot.ts";

const XSS = "<img src=x onerror=alert(1)>";

/**
 * One element per line so that snapshot diffs are readable; never inside `<text>`, where the
 * line break would be rendered. The committed file is still a valid SVG to open and look at.
 */
function lines(svg: string): string {
  let inText = 0;
  return svg.replace(/<(\/?)(\w+)[^>]*?(\/?)>/g, (tag, closing, name, selfClosing, at) => {
    const breakBefore = inText === 0 && at > 0 && svg[at - 1] === ">" ? "\n" : "";
    if (name === "text" && !selfClosing) inText += closing ? -1 : 1;
    return breakBefore + tag;
  });
}

const ATTRIBUTE = String.raw`\s+[a-zA-Z_:][\w:.-]*="(?:[^"<>&]|&(?:amp|lt|gt|quot);)*"`;
const TAG = new RegExp(String.raw`^<(/?)([a-zA-Z][\w:-]*)((?:${ATTRIBUTE})*)\s*(/?)>$`);
const TEXT = /^(?:[^<>&]|&(?:amp|lt|gt|quot|#\d+);)*$/;

/** Checks XML well-formedness closely enough for our output: balanced tags, escaped text. */
function assertWellFormedSvg(svg: string): void {
  assert(svg.startsWith("<svg ") && svg.endsWith("</svg>"), "output is one <svg> element");
  const stack: string[] = [];
  let last = 0;
  for (const match of svg.matchAll(/<[^<>]*>/g)) {
    const text = svg.slice(last, match.index);
    assert(TEXT.test(text), `unescaped text before ${match[0]}: ${JSON.stringify(text)}`);
    last = match.index + match[0].length;
    const tag = TAG.exec(match[0]);
    assert(tag !== null, `malformed tag ${match[0]}`);
    const [, closing, name, , selfClosing] = tag;
    if (closing) assertEquals(stack.pop(), name, `closing tag </${name}>`);
    else if (!selfClosing) stack.push(name);
  }
  assertEquals(svg.slice(last), "", "nothing after the root element");
  assertEquals(stack, [], "unclosed elements");
}

/** Properties every chart must have, whatever its input. */
function assertStandalone(svg: string): void {
  assertWellFormedSvg(svg);
  assertIncludes(svg, '<svg xmlns="http://www.w3.org/2000/svg"');
  assertIncludes(svg, 'font-family="system-ui,');
  assert(!/\d\.\d{3}/.test(svg.replace(/<style>[^<]*<\/style>/, "")), "numbers ≤ 2 decimals");
  assert(!svg.includes("NaN") && !svg.includes("undefined"), "no NaN/undefined in the output");
  assert(!/\sid="|plot-d6a7b5|plot-clip|plot-marker/.test(svg), "no generated ids or classes");
  assertEquals(svg.match(/https?:\/\/[^"\s<]*/g), ["http://www.w3.org/2000/svg"], "no requests");
}

const forecastInput = () => ({
  title: `P001 ${XSS} — sales`,
  unit: "units sold per day",
  history: sineHistory(),
  forecast: sineForecast(),
});

Deno.test("forecastChart matches its snapshot", async () => {
  await assertSnapshot(lines(forecastChart(forecastInput())), "forecast.svg");
});

Deno.test("inventoryChart matches its snapshot", async () => {
  const svg = inventoryChart({
    title: "P001 — inventory plan",
    unit: "units",
    days: inventoryPlan(),
    reorderPoint: 90,
  });
  await assertSnapshot(lines(svg), "inventory.svg");
});

Deno.test("lineChart matches its snapshot", async () => {
  const svg = lineChart({
    title: "Training loss",
    xLabel: "epoch",
    yLabel: "loss (MSE)",
    series: lossCurves(),
  });
  await assertSnapshot(lines(svg), "line.svg");
});

Deno.test("charts are deterministic, also after other charts were drawn", () => {
  const first = forecastChart(forecastInput());
  lineChart({ xLabel: "x", yLabel: "y", series: lossCurves(5) });
  inventoryChart({ unit: "units", days: inventoryPlan(), reorderPoint: 50 });
  assertEquals(forecastChart(forecastInput()), first);
});

Deno.test("forecastChart is a standalone SVG with its legend, labels and the escaped title", () => {
  const svg = forecastChart(forecastInput());
  assertStandalone(svg);
  for (const label of ["history", "forecast", "80 % interval", "95 % interval"]) {
    assertIncludes(svg, `>${label}</text>`);
  }
  assertIncludes(svg, ">↑ units sold per day</text>");
  assertIncludes(svg, ">date →</text>");
  assertIncludes(svg, "P001 &lt;img src=x onerror=alert(1)&gt; — sales");
  assert(!svg.includes("<img"), "the product name stays text");
  assertIncludes(svg, 'stroke-dasharray="6 4"', "the forecast mean is dashed");
});

Deno.test("forecastChart handles empty history, all zeros and a single forecast day", () => {
  const noHistory = forecastChart({ unit: "units", history: [], forecast: sineForecast() });
  assertStandalone(noHistory);
  assertIncludes(noHistory, ">forecast →</text>");

  const zeros = forecastChart({
    unit: "units",
    history: sineHistory(14).map((point) => ({ ...point, value: 0 })),
    forecast: sineForecast(14, 7).map((point) => ({
      ...point,
      mean: 0,
      lo80: 0,
      hi80: 0,
      lo95: 0,
      hi95: 0,
    })),
  });
  assertStandalone(zeros);
  assertIncludes(zeros, ">1.0</text>", "an all-zero chart still has a y axis up to 1");

  const single = forecastChart({
    unit: "units",
    history: sineHistory(10),
    forecast: sineForecast(10, 1),
  });
  assertStandalone(single);
  assertIncludes(single, "<circle", "a single forecast day is drawn as a dot");
  assertIncludes(single, "<rect", "…with its interval bars");
  assert(!/>\d+ (AM|PM)</.test(single), "no hour ticks on a short date axis");

  const nothing = forecastChart({ unit: "units", history: [], forecast: [] });
  assertStandalone(nothing);
  assertIncludes(nothing, ">no data</text>");
});

Deno.test("a very long title is shortened on the chart and kept whole in <title>", () => {
  const title = `${XSS} ` + "a very long product name ".repeat(12);
  const svg = forecastChart({ ...forecastInput(), title });
  assertStandalone(svg);
  const escaped = title.replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  assertIncludes(svg, `<title>${escaped}</title>`);
  const shown = svg.match(/font-weight="600"[^>]*>([^<]*)<\/text>/)?.[1] ?? "";
  assert(shown.endsWith("…") && shown.length < title.length, `shortened title: ${shown}`);
});

Deno.test("inventoryChart draws every series in its own style, the reorder point optional", () => {
  const svg = inventoryChart({ unit: "units", days: inventoryPlan(), reorderPoint: 90 });
  assertStandalone(svg);
  for (const label of ["forecast sales", "forecast returns", "recommended inventory"]) {
    assertIncludes(svg, `>${label}</text>`);
  }
  assertIncludes(svg, ">reorder point</text>");
  const dashes = new Set([...svg.matchAll(/stroke-dasharray="([^"]+)"/g)].map((m) => m[1]));
  assert(dashes.size >= 3, `at least three dash patterns, got ${[...dashes]}`);

  const without = inventoryChart({ unit: "units", days: inventoryPlan().slice(0, 1) });
  assertStandalone(without);
  assert(!without.includes("reorder point"), "no reorder point, no legend entry");
  assertStandalone(inventoryChart({ unit: "units", days: [] }));
  assertThrows(
    () => inventoryChart({ unit: "units", days: inventoryPlan(), reorderPoint: -1 }),
    RangeError,
    "reorderPoint",
    "-1",
  );
});

Deno.test("lineChart handles negative values, single points, long series and no series", () => {
  const svg = lineChart({
    xLabel: "horizon step",
    yLabel: "bias",
    series: [
      {
        name: "bias",
        points: Array.from({ length: 60 }, (_, x) => ({ x, y: 3 * Math.sin(x / 9) })),
      },
      { name: `${XSS} single`, points: [{ x: 30, y: 1 }] },
    ],
  });
  assertStandalone(svg);
  assertIncludes(svg, ">−2</text>", "the y axis goes below 0");
  assertIncludes(svg, "&lt;img src=x onerror=alert(1)&gt; single");
  assert(60 > MAX_POINTS_WITH_MARKERS);
  const empty = lineChart({ xLabel: "x", yLabel: "y", series: [] });
  assertStandalone(empty);
  assertIncludes(empty, ">no data</text>");
});

Deno.test("bad dates and sizes are RangeErrors naming the value", () => {
  assertThrows(
    () =>
      forecastChart({
        unit: "u",
        history: [{ date: "2024-02-30", value: 1 }],
        forecast: [],
      }),
    RangeError,
    "history[0].date",
    '"2024-02-30"',
  );
  assertThrows(
    () => inventoryChart({ unit: "u", days: [{ ...inventoryPlan()[0], date: isoDay(0) + "x" }] }),
    RangeError,
    "days[0].date",
  );
  assertThrows(
    () => lineChart({ xLabel: "x", yLabel: "y", series: [], width: 0 }),
    RangeError,
    "width",
    "got 0",
  );
});

Deno.test("a history with huge spikes cuts the y axis and says so", () => {
  const history = Array.from({ length: 60 }, (_, i) => ({
    date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
    value: i === 30 ? 11000 : 40 + (i % 7),
  }));
  const forecast = [{ date: "2024-03-01", mean: 42, lo80: 30, hi80: 55, lo95: 20, hi95: 70 }];
  const svg = forecastChart({ unit: "units", history, forecast });
  if (!svg.includes("spikes up to 11,000 cut off")) throw new Error("no note about the cut");
  if (svg.includes(">10,000<") || svg.includes(">11,000<")) {
    throw new Error("axis still reaches the spike");
  }
  const calm = forecastChart({
    unit: "units",
    history: history.map((p) => ({ ...p, value: 40 })),
    forecast,
  });
  if (calm.includes("cut off")) throw new Error("calm history is not cut");
});
