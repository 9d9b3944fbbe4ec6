/**
 * The report's stylesheet: readable on screen, A4 in print (each product on a new page, no chart
 * or table row split across pages), greyscale-friendly, system fonts only.
 * @module
 */

/** The CSS inlined into `report.html`. */
export const REPORT_CSS = `
:root { --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d0d0d0; --soft: #f4f4f4;
  --high: #9b1c1c; --medium: #8a5a00; --low: #2f4f6f; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif;
  color: var(--ink); font-size: 14px; line-height: 1.45; }
body { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 18px 0 6px; }
p { margin: 6px 0; }
.muted, .note { color: var(--muted); }
.note { font-size: 12px; }
a { color: inherit; }
header .meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 10px 0;
  font-size: 13px; }
header .meta dt { color: var(--muted); }
header .meta dd { margin: 0; }
nav ol { columns: 2; margin: 8px 0; padding-left: 20px; font-size: 13px; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; margin: 12px 0; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; background: var(--soft);
  break-inside: avoid; }
.card .value { font-size: 22px; font-weight: 650; }
.card .label { font-size: 12px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 12.5px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th { background: var(--soft); font-weight: 600; border-bottom: 1.5px solid var(--ink); }
th:first-child, td:first-child, td.text, th.text { text-align: left; }
td { white-space: nowrap; }
td.text { white-space: normal; }
td.text.model { white-space: nowrap; }
.block { break-inside: avoid; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
tr.chosen td { font-weight: 650; }
tr.chosen td:first-child::after { content: " ◀ chosen"; font-weight: 400; color: var(--muted); }
.severity { font-weight: 650; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.severity.high { color: var(--high); }
.severity.medium { color: var(--medium); }
.severity.low { color: var(--low); }
figure { margin: 10px 0 14px; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 2px; }
.product { break-before: page; }
.callout { border-left: 4px solid var(--ink); background: var(--soft); padding: 8px 12px; margin: 10px 0;
  break-inside: avoid; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
.formula { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--rule);
  padding-top: 8px; }
@page { size: A4; }
@media print {
  html { font-size: 11.5px; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  #alerts, #methods { break-before: page; }
  th, td { padding: 2.5px 6px; }
  table { font-size: 11px; margin: 6px 0 10px; }
  .cards { grid-template-columns: repeat(3, 1fr); }
  a { text-decoration: none; }
}
`;
