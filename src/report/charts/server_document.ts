/**
 * The server's document for charts: a fresh linkedom DOM for each chart, so Plot can draw under
 * Deno. Only the server imports this (through `charts.ts`); the report's explorer draws the same
 * charts into the page's own `document` and never bundles linkedom.
 * @module
 */

import { parseHTML } from "linkedom";

/** A fresh server-side document for Plot (`Plot.plot({ document })`). */
export function createChartDocument(): Document {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  return document as unknown as Document;
}
