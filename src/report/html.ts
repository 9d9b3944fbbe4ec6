/**
 * HTML built only through an escaping template tag, after Observable Framework's `html`: every
 * interpolated value is text unless it is already {@link Html}. Product names are user data and
 * end up in reports people share, so a name like `<img src=x onerror=alert(1)>` must stay text.
 *
 * Escaping makes values safe inside element content and inside *quoted* attribute values
 * (`<a title="${name}">`). It does not make a value safe as an unquoted attribute, a tag name, a
 * URL scheme (`javascript:`), or inside `<script>`/`<style>`; templates must not put user data there.
 * @module
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes the five characters that carry meaning in HTML text and attribute values.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "./html.ts";
 * escapeHtml(`<b title="x">Tom & Jerry's</b>`);
 * // "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * Markup that is trusted as is: the result of {@link html} or {@link raw}. Interpolating an
 * `Html` into {@link html} inserts it without escaping; everything else is escaped.
 */
export class Html {
  readonly #markup: string;

  /** Wraps markup that is already safe. Prefer {@link html} or {@link raw} over calling this. */
  constructor(markup: string) {
    this.#markup = markup;
  }

  /** The markup as a string. */
  toString(): string {
    return this.#markup;
  }
}

/**
 * Marks trusted markup (for example an SVG chart produced by our own code) so that {@link html}
 * inserts it without escaping. Never pass user data to `raw`.
 *
 * @example
 * ```ts
 * import { html, raw } from "./html.ts";
 * String(html`<div>${raw("<svg></svg>")}</div>`); // "<div><svg></svg></div>"
 * ```
 */
export function raw(trustedMarkup: string): Html {
  return new Html(trustedMarkup);
}

/** What {@link html} accepts as an interpolated value. */
export type HtmlValue =
  | Html
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * The escaping template tag. Strings and numbers are escaped; {@link Html} values (from `html`
 * itself or {@link raw}) are inserted as they are; arrays are joined with each element treated
 * the same way; `null`, `undefined` and `false` render as nothing.
 *
 * @example
 * ```ts
 * import { html } from "./html.ts";
 * const name = "<img src=x onerror=alert(1)>";
 * const rows = ["a", "b"].map((id) => html`<li>${id}</li>`);
 * String(html`<h1>${name}</h1><ul>${rows}</ul>`);
 * // "<h1>&lt;img src=x onerror=alert(1)&gt;</h1><ul><li>a</li><li>b</li></ul>"
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0];
  for (let i = 0; i < values.length; i++) markup += render(values[i]) + strings[i + 1];
  return new Html(markup);
}
