/**
 * The report's sections, in page order, each listed once: the page renders them after its
 * header (those marked `beforeContents` before the table of contents), and the table of contents
 * lists them. Adding a section: its file exporting a
 * `ReportSection`, and a line here.
 * @module
 */

import type { ReportSection } from "./section.ts";
import { EXPLORER_SECTION } from "./explorer.ts";
import { SUMMARY_SECTION } from "./summary.ts";
import { ALERTS_SECTION } from "./alerts.ts";
import { POLICIES_SECTION } from "./policies.ts";
import { PRODUCTS_SECTION } from "./product.ts";
import { METHODS_SECTION } from "./methods.ts";

/** The sections, in page order. */
export const SECTIONS: readonly ReportSection[] = [
  EXPLORER_SECTION,
  SUMMARY_SECTION,
  ALERTS_SECTION,
  POLICIES_SECTION,
  PRODUCTS_SECTION,
  METHODS_SECTION,
];
