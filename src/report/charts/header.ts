/**
 * The band above a chart's plot area: an optional title and a legend drawn as SVG (Plot's own
 * swatch legends are HTML, which a standalone SVG cannot hold). Layout is computed first, so the
 * chart knows how much top margin to leave; drawing appends plain SVG elements to Plot's output.
 * @module
 */

import { svgElement } from "./svg.ts";
import { FONT_SIZE, INK, type SymbolName } from "./theme.ts";

/** What a legend entry shows before its label. */
export type LegendSwatch =
  | {
    readonly kind: "line";
    readonly stroke: string;
    readonly strokeWidth: number;
    readonly strokeDasharray?: string;
    /** Line cap of the sample; round turns a dash pattern like "0.5 4" into dots. */
    readonly strokeLinecap?: "butt" | "round";
    readonly symbol?: SymbolName;
  }
  | { readonly kind: "area"; readonly fill: string };

/** One legend entry. */
export interface LegendItem {
  /** The text shown (escaped on output). */
  readonly label: string;
  /** The sample drawn before the text. */
  readonly swatch: LegendSwatch;
}

/** Where the header puts things, and how tall it is. */
export interface HeaderLayout {
  /** The title as shown (shortened with "…" when too long), or `undefined`. */
  readonly title?: string;
  /** The full title, kept in the SVG's `<title>` for tooltips and screen readers. */
  readonly fullTitle?: string;
  /** The y-axis label, drawn above the axis at the left (Plot would put it at the very top). */
  readonly yLabel?: string;
  /** Legend entries with the position of their swatch's left edge and row centre. */
  readonly entries: readonly { item: LegendItem; x: number; y: number }[];
  /** The top margin the plot needs below the header and the y-axis label. */
  readonly marginTop: number;
}

const LEFT = 3;
const SWATCH = 26;
const GAP = 6;
const SPACING = 18;
const ROW = 16;

/** Estimated width of `text` in px at `fontSize` (generous, for sans-serif fonts). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/**
 * Lays out the title, the legend and the y-axis label for a chart `width` px wide. A title
 * longer than the width is cut with "…"; legend entries flow left to right and wrap onto further
 * rows. Pass `{ y: { label: null } }` to Plot: the header draws the y label itself.
 */
export function layoutHeader(
  width: number,
  title: string | undefined,
  items: readonly LegendItem[],
  yLabel?: string,
): HeaderLayout {
  const hasTitle = title !== undefined && title.trim() !== "";
  const maxChars = Math.max(4, Math.floor((width - 2 * LEFT) / (FONT_SIZE.title * 0.6)));
  const shown = hasTitle && title.length > maxChars ? title.slice(0, maxChars - 1) + "…" : title;
  let y = (hasTitle ? 26 : 0) + ROW / 2 + 2;
  let x = LEFT;
  const entries: { item: LegendItem; x: number; y: number }[] = [];
  for (const item of items) {
    const w = SWATCH + GAP + textWidth(item.label, FONT_SIZE.legend);
    if (x > LEFT && x + w > width - LEFT) {
      x = LEFT;
      y += ROW;
    }
    entries.push({ item, x, y });
    x += w + SPACING;
  }
  const bottom = entries.length > 0 ? y + ROW / 2 : hasTitle ? 24 : 0;
  return {
    title: hasTitle ? shown : undefined,
    fullTitle: hasTitle ? title : undefined,
    yLabel: yLabel === undefined || yLabel === "" ? undefined : `↑ ${yLabel}`,
    entries,
    marginTop: bottom + 28,
  };
}

function symbolPath(symbol: SymbolName, cx: number, cy: number): string {
  const r = 3.5;
  switch (symbol) {
    case "circle":
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square":
      return `M${cx - r},${cy - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case "triangle":
      return `M${cx},${cy - r - 0.5}L${cx + r + 0.5},${cy + r}L${cx - r - 0.5},${cy + r}Z`;
    case "diamond":
      return `M${cx},${cy - r - 1}L${cx + r},${cy}L${cx},${cy + r + 1}L${cx - r},${cy}Z`;
  }
}

function drawSwatch(document: Document, swatch: LegendSwatch, x: number, y: number): SVGElement {
  if (swatch.kind === "area") {
    return svgElement(document, "rect", {
      x,
      y: y - 5,
      width: SWATCH,
      height: 10,
      fill: swatch.fill,
      stroke: "#8a8a8a",
      "stroke-width": 0.5,
    });
  }
  const group = svgElement(document, "g");
  group.appendChild(svgElement(document, "path", {
    d: `M${x},${y}H${x + SWATCH}`,
    stroke: swatch.stroke,
    "stroke-width": swatch.strokeWidth,
    "stroke-dasharray": swatch.strokeDasharray,
    "stroke-linecap": swatch.strokeLinecap ?? (swatch.strokeDasharray ? "butt" : "round"),
    fill: "none",
  }));
  if (swatch.symbol) {
    group.appendChild(svgElement(document, "path", {
      d: symbolPath(swatch.symbol, x + SWATCH / 2, y),
      fill: swatch.stroke,
    }));
  }
  return group;
}

/**
 * Draws a computed header into Plot's `<svg>`: a white background (so the standalone file reads
 * on any viewer), the `<title>`, the visible title and the legend.
 */
export function drawHeader(svg: SVGSVGElement, layout: HeaderLayout): void {
  const document = svg.ownerDocument;
  const background = svgElement(document, "rect", { width: "100%", height: "100%", fill: "white" });
  svg.insertBefore(background, svg.firstChild);
  if (layout.fullTitle !== undefined) {
    svg.insertBefore(svgElement(document, "title", {}, layout.fullTitle), svg.firstChild);
  }
  const header = svgElement(document, "g", {
    "aria-label": "title, legend and y label",
    "text-anchor": "start",
    fill: INK,
  });
  if (layout.title !== undefined) {
    header.appendChild(svgElement(document, "text", {
      x: LEFT,
      y: 17,
      "font-size": FONT_SIZE.title,
      "font-weight": 600,
    }, layout.title));
  }
  for (const { item, x, y } of layout.entries) {
    header.appendChild(drawSwatch(document, item.swatch, x, y));
    header.appendChild(svgElement(document, "text", {
      x: x + SWATCH + GAP,
      y,
      dy: "0.35em",
      "font-size": FONT_SIZE.legend,
    }, item.label));
  }
  if (layout.yLabel !== undefined) {
    header.appendChild(svgElement(document, "text", {
      x: LEFT,
      y: layout.marginTop - 14,
      "font-size": FONT_SIZE.label,
    }, layout.yLabel));
  }
  svg.appendChild(header);
}
