/**
 * The look shared by every chart: fonts, sizes, and line styles that stay distinct in greyscale
 * print (each series differs by dash pattern and marker, not only by colour).
 * @module
 */

/** System sans-serif fonts only: charts never load a web font. */
export const FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif";

/** Default chart size in pixels (CSS px; a report page is ~720 px wide). */
export const DEFAULT_SIZE = { width: 720, height: 260 } as const;

/** Font sizes in px. */
export const FONT_SIZE = { title: 14, legend: 11, label: 10 } as const;

/** Near-black used for text, axes and the primary series. */
export const INK = "#1a1a1a";

/** Fill of the 95 % interval band (light grey). */
export const BAND_95 = "#e4e4e4";

/** Fill of the 80 % interval band (darker grey), drawn over the 95 % band. */
export const BAND_80 = "#bdbdbd";

/** A marker symbol shared by Plot's `dot` mark and our legend. */
export type SymbolName = "circle" | "square" | "triangle" | "diamond";

/** How one series is stroked. */
export interface LineStyle {
  /** Stroke colour. */
  readonly stroke: string;
  /** Stroke width in px. */
  readonly strokeWidth: number;
  /** SVG dash pattern; `undefined` for a solid line. */
  readonly strokeDasharray?: string;
  /** A marker drawn at each point (when the series is short enough) and in the legend. */
  readonly symbol?: SymbolName;
}

/** Dash patterns in the order series receive them: solid, dashed, dotted, dash-dot, long dash. */
export const DASHES: readonly (string | undefined)[] = [
  undefined,
  "6 4",
  "1.5 3",
  "9 3 2 3",
  "12 4",
  "3 2",
];

/** Colours (dark, colour-blind-friendly) in the order series receive them. */
export const COLORS: readonly string[] = [
  INK,
  "#1f5fa8",
  "#b35806",
  "#2a7f3e",
  "#7a3e9d",
  "#8c6d00",
];

/** Marker symbols in the order series receive them. */
export const SYMBOLS: readonly SymbolName[] = ["circle", "square", "triangle", "diamond"];

/**
 * The style of the `index`-th series of a multi-series chart: dash pattern, colour and marker
 * each cycle on their own period, so neighbouring series always differ in all three.
 *
 * @example
 * ```ts
 * import { seriesStyle } from "./theme.ts";
 * seriesStyle(0); // { stroke: "#1a1a1a", strokeWidth: 1.75, strokeDasharray: undefined, symbol: "circle" }
 * ```
 */
export function seriesStyle(index: number): LineStyle {
  return {
    stroke: COLORS[index % COLORS.length],
    strokeWidth: 1.75,
    strokeDasharray: DASHES[index % DASHES.length],
    symbol: SYMBOLS[index % SYMBOLS.length],
  };
}
