/**
 * What a section of the report is: an id (its anchor), a title (its entry in the table of
 * contents) and a render. Sections are listed once, in `registry.ts`; the page and the table of
 * contents both come from that list.
 * @module
 */

import { type Html, html, raw } from "../html.ts";
import type { ReportContext } from "../context.ts";

/** One entry of the table of contents. */
export interface ContentsEntry {
  /** The anchor it links to. */
  anchor: string;
  /** Its text. */
  title: string;
}

/** A section of the report. */
export interface ReportSection {
  /** Its id: the anchor of its `<section>`. */
  readonly id: string;
  /** Its title in the table of contents. */
  title(ctx: ReportContext): string;
  /**
   * Its entries in the table of contents when it renders several pages (the product pages), or
   * none to stay out of it; by default one entry, its id and title.
   */
  contents?(ctx: ReportContext): ContentsEntry[];
  /** Its markup (an array renders one after the other). */
  render(ctx: ReportContext): Html | Html[];
  /** Rendered before the table of contents (on the first screen) instead of after it. */
  readonly beforeContents?: boolean;
  /** Its own CSS, added to the page's stylesheet (trusted: never from the data). */
  readonly css?: string;
}

/** A section's entries in the table of contents. */
export function contentsOf(section: ReportSection, ctx: ReportContext): ContentsEntry[] {
  return section.contents?.(ctx) ?? [{ anchor: section.id, title: section.title(ctx) }];
}

/** The table of contents of sections: one list item per entry. */
export function contentsList(sections: readonly ReportSection[], ctx: ReportContext): Html {
  const items = sections.map((section) =>
    contentsOf(section, ctx).map((entry) =>
      html`<li><a href="#${entry.anchor}">${entry.title}</a></li>`
    )
  ).filter((entries) => entries.length > 0);
  return joinHtml(items.map((entries) => html`${entries}`), "\n    ");
}

/** Markup joined with a separator (whitespace between blocks of the page). */
export function joinHtml(parts: readonly Html[], separator: string): Html {
  return raw(parts.map(String).join(separator));
}
