/**
 * Turns a chart that Observable Plot drew (into linkedom's server-side DOM, or into a browser's)
 * into a standalone, deterministic SVG string: `xmlns` set, numbers in attributes rounded to 2 decimals, generated
 * ids (Plot's `plot-clip-N`, `plot-marker-N` counters are global to the process) replaced by ids
 * derived from the chart's own content, and our own XML serialisation so that every attribute
 * value and text is escaped the same way.
 * @module
 */

import { roundTo } from "../../util/round.ts";

/** The SVG namespace. */
export const SVG_NS = "http://www.w3.org/2000/svg";

/** Attribute values for {@link svgElement}; `undefined` leaves the attribute out. */
export type SvgAttributes = Record<string, string | number | undefined>;

/** Creates an SVG element with attributes and, optionally, text content (escaped on output). */
export function svgElement(
  document: Document,
  tag: string,
  attributes: SvgAttributes = {},
  text?: string,
): SVGElement {
  const element = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Rounds every decimal number in `text` to at most `digits` decimals (`12.3456` → `12.35`,
 * `-0.001` → `0`); integers and words are left alone.
 *
 * @example
 * ```ts
 * import { roundNumbers } from "./svg.ts";
 * roundNumbers("M0,1.23456L2.5,-0.0001"); // "M0,1.23L2.5,0"
 * ```
 */
export function roundNumbers(text: string, digits = 2): string {
  return text.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/gi, (match) => {
    const value = roundTo(Number(match), digits);
    return Object.is(value, -0) ? "0" : String(value);
  });
}

const UNROUNDED = new Set(["class", "id", "font-family", "href", "xmlns", "role"]);

function escapeXml(text: string, attribute: boolean): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return attribute ? escaped.replace(/"/g, "&quot;") : escaped;
}

function serialize(node: Node, ids: Map<string, string>): string {
  if (node.nodeType === 3) return escapeXml(node.textContent ?? "", false);
  if (node.nodeType !== 1) return "";
  const element = node as Element;
  let out = `<${element.localName}`;
  for (const { name, value } of Array.from(element.attributes)) {
    let text = UNROUNDED.has(name) || name.startsWith("aria-") ? value : roundNumbers(value);
    if (name === "id") text = ids.get(value) ?? value;
    else {text = text.replace(/#([\w-]+)/g, (ref, id: string) =>
        ids.has(id) ? `#${ids.get(id)}` : ref);}
    out += ` ${name}="${escapeXml(text, true)}"`;
  }
  const children = Array.from(element.childNodes).map((child) => serialize(child, ids)).join("");
  return children === "" ? `${out}/>` : `${out}>${children}</${element.localName}>`;
}

/** 32-bit FNV-1a of a string, as 8 hex digits. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * Serialises a chart's root `<svg>` as a standalone SVG document fragment: sets `xmlns`,
 * rounds attribute numbers to 2 decimals and renames every `id` (and its `url(#…)`/`href="#…"`
 * references) to `rc<hash>-<n>`, where the hash is taken over the chart itself — so the output
 * is the same on every run, and two different charts inlined in one page never share an id.
 */
export function serializeSvg(svg: SVGSVGElement): string {
  svg.setAttribute("xmlns", SVG_NS);
  const original = Array.from(svg.querySelectorAll("[id]")).map((element) =>
    element.getAttribute("id") ?? ""
  );
  const placeholders = new Map(original.map((id, i) => [id, `rc-${i + 1}`]));
  const draft = serialize(svg, placeholders);
  if (original.length === 0) return draft;
  const prefix = `rc${hashText(draft)}`;
  const final = new Map(original.map((id, i) => [id, `${prefix}-${i + 1}`]));
  return serialize(svg, final);
}
