/**
 * Putting data and code inside `<script>` elements safely. The `html` tag's escaping does not
 * apply inside `<script>` (the HTML parser decodes no entities there), so these functions make
 * the *content* unable to end the element or to change the parser's state:
 *
 * - JSON: `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026` (no `</script`, no `<!--`, no
 *   `-->`), and U+2028/U+2029 become escapes (line terminators in older JavaScript parsers). The
 *   result is still JSON meaning exactly the same value.
 * - Code: a bundle is checked, not rewritten (a blind rewrite is only safe inside string
 *   literals): it must not contain `</script`, `<script` or `<!--`.
 * @module
 */

const JSON_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON text that can be placed inside `<script type="application/json">` as it is.
 *
 * @example
 * ```ts
 * import { scriptJson } from "./embed.ts";
 * scriptJson({ id: "</script>" }); // '{"id":"\\u003c/script\\u003e"}'
 * ```
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c]);
}

/** The code, when it can be inlined in a classic `<script>` element unchanged; else an Error. */
export function checkInlineScript(code: string): string {
  const bad = /<\/script|<script|<!--/i.exec(code);
  if (bad) {
    throw new Error(
      `Cannot inline script: it contains ${JSON.stringify(bad[0])} at ${bad.index}; ` +
        `escape it in the source (e.g. "<\\/script")`,
    );
  }
  return code;
}
