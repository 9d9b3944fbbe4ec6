import { escapeHtml, Html, html, raw } from "../../src/report/html.ts";
import { assert, assertEquals } from "../helpers/assert.ts";

const XSS = "<img src=x onerror=alert(1)>";

Deno.test("escapeHtml escapes the five special characters and nothing else", () => {
  assertEquals(escapeHtml(`a & b < c > d " e ' f`), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
  assertEquals(escapeHtml("plain — text, ünïcode 42"), "plain — text, ünïcode 42");
  assertEquals(escapeHtml("&amp;"), "&amp;amp;", "already escaped text is escaped again");
});

Deno.test("a product named like an HTML tag comes out as text", () => {
  const out = String(html`<h2>${XSS}</h2>`);
  assertEquals(out, "<h2>&lt;img src=x onerror=alert(1)&gt;</h2>");
  assert(!out.includes("<img"), "no img element");
});

Deno.test("values inside quoted attributes cannot break out", () => {
  const name = `" onmouseover="alert(1)`;
  assertEquals(
    String(html`<td title="${name}">${name}</td>`),
    `<td title="&quot; onmouseover=&quot;alert(1)">&quot; onmouseover=&quot;alert(1)</td>`,
  );
  assertEquals(String(html`<td title='${"it's"}'></td>`), `<td title='it&#39;s'></td>`);
});

Deno.test("numbers are rendered as text; null, undefined and false as nothing", () => {
  assertEquals(String(html`<p>${42}|${-1.5}|${0}|${10n}</p>`), "<p>42|-1.5|0|10</p>");
  assertEquals(String(html`<p>${null}${undefined}${false}</p>`), "<p></p>");
  assertEquals(String(html`<p>${true}</p>`), "<p>true</p>");
});

Deno.test("nested html is inserted as is, its own values escaped once", () => {
  // deno fmt reformats the markup inside html`…` when a line gets long; keep this one exact.
  // deno-fmt-ignore
  const row = (id: string, units: number) => html`<tr><td>${id}</td><td>${units}</td></tr>`;
  const table = html`<table>${row(XSS, 3)}</table>`;
  assertEquals(
    String(table),
    "<table><tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td>3</td></tr></table>",
  );
  assertEquals(String(html`<div>${table}</div>`), `<div>${table}</div>`, "no double escaping");
});

Deno.test("arrays are joined, each element escaped unless it is Html", () => {
  const items = ["a<b", html`<li>${"c&d"}</li>`, 5, null, ["nested", raw("<br>")]];
  assertEquals(String(html`<ul>${items}</ul>`), "<ul>a&lt;b<li>c&amp;d</li>5nested<br></ul>");
  assertEquals(String(html`<ul>${[]}</ul>`), "<ul></ul>");
});

Deno.test("raw marks trusted markup; html returns Html", () => {
  const svg = raw('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  assert(svg instanceof Html);
  assert(html`x` instanceof Html);
  assertEquals(String(html`<figure>${svg}</figure>`), `<figure>${svg}</figure>`);
  assertEquals(`${html`<b>${"&"}</b>`}`, "<b>&amp;</b>", "template literals call toString");
});

Deno.test("a string that looks like Html but is not an Html instance is escaped", () => {
  const fake = { toString: () => "<script>alert(1)</script>" };
  // Anything that is not an Html instance goes through String() and is escaped.
  assertEquals(
    String(html`${fake as unknown as string}`),
    "&lt;script&gt;alert(1)&lt;/script&gt;",
  );
});
