import { parseDaily } from "../../src/data/parse_daily.ts";
import { InputError } from "../../src/io/errors.ts";
import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";

const HEADER = "date,product_id,sales,returns\n";
const parse = (text: string) => parseDaily(text, "in.csv");
const values = (array: Float64Array) => Array.from(array);

Deno.test("reads a valid file into dense per-product series", () => {
  const set = parse(HEADER + "2023-01-01,P1,5,0\n2023-01-02,P1,7,1\n2023-01-01,P2,3,0\n");
  assertEquals(set.products.map((p) => p.id), ["P1", "P2"]);
  assertEquals(values(set.products[0].sales), [5, 7]);
  assertEquals(values(set.products[0].returns), [0, 1]);
  assertEquals(set.products[0].filledDays, 0);
});

Deno.test("fills missing days inside a product's span with 0 and counts them", () => {
  const set = parse(HEADER + "2023-01-01,P1,5,1\n2023-01-04,P1,2,0\n");
  assertEquals(values(set.products[0].sales), [5, 0, 0, 2]);
  assertEquals(set.products[0].filledDays, 2);
});

Deno.test("accepts BOM, CRLF, quoted fields, extra columns, unsorted rows and any header case", () => {
  const text = "\ufeffDATE,Note,Product_ID,Sales,RETURNS\r\n" +
    '2023-01-02,"x, y","P,1",4,1\r\n' +
    '2023-01-01,"said ""hi""","P,1","3",0\r\n';
  const set = parse(text);
  assertEquals(set.products[0].id, "P,1");
  assertEquals(values(set.products[0].sales), [3, 4]);
  assertEquals(values(set.products[0].returns), [0, 1]);
});

Deno.test("reads expected_sales and expected_returns when present", () => {
  const set = parse(
    "date,product_id,sales,returns,expected_sales,expected_returns\n2023-01-01,P1,5,1,4.5,0.25\n",
  );
  assertEquals(values(set.products[0].expectedSales!), [4.5]);
  assertEquals(values(set.products[0].expectedReturns!), [0.25]);
});

Deno.test("empty file and header-only file are clear errors", () => {
  assertThrows(() => parse(""), InputError, "in.csv", "empty");
  assertThrows(() => parse("  \n"), InputError, "empty");
  assertThrows(() => parse(HEADER), InputError, "in.csv", "no data rows");
});

Deno.test("a missing column names it and what was found", () => {
  assertThrows(
    () => parse("date,product_id,sales\n2023-01-01,P1,5\n"),
    InputError,
    "in.csv:1",
    "missing column returns",
    "found: date, product_id, sales",
  );
});

Deno.test("a semicolon-separated file is recognised and explained", () => {
  assertThrows(
    () => parse("date;product_id;sales;returns\n2023-01-01;P1;5;0\n"),
    InputError,
    "semicolon",
    "comma-separated",
  );
});

Deno.test("bad numbers name the line, the column and the value", () => {
  const cases: [string, string, string][] = [
    ["2023-01-01,P1,abc,0", "sales", '"abc"'],
    ["2023-01-01,P1,5,-2", "returns", '"-2"'],
    ["2023-01-01,P1,NaN,0", "sales", '"NaN"'],
    ["2023-01-01,P1,5,Infinity", "returns", '"Infinity"'],
    ["2023-01-01,P1,,0", "sales", '""'],
    ["2023-01-01,P1,0x10,0", "sales", '"0x10"'],
  ];
  for (const [row, column, value] of cases) {
    assertThrows(
      () => parse(HEADER + "2023-01-01,P0,1,0\n" + row + "\n"),
      InputError,
      "in.csv:3",
      column,
      value,
    );
  }
});

Deno.test("impossible dates and other date formats are rejected with the value", () => {
  for (const date of ["2023-02-30", "01/02/2023", "2023-1-5", "20230105", "2023-13-01"]) {
    assertThrows(
      () => parse(HEADER + `${date},P1,1,0\n`),
      InputError,
      "in.csv:2",
      "YYYY-MM-DD",
      JSON.stringify(date),
    );
  }
});

Deno.test("a duplicate (date, product) names both lines", () => {
  const error = assertThrows(
    () => parse(HEADER + "2023-01-01,P1,1,0\n2023-01-02,P1,1,0\n2023-01-01,P1,2,0\n"),
    InputError,
    "in.csv:4",
    "duplicate",
    "2023-01-01",
    '"P1"',
    "line 2",
  );
  assert(!error.message.includes("\n"), "one line");
});

Deno.test("an empty product id is rejected", () => {
  assertThrows(() => parse(HEADER + "2023-01-01, ,1,0\n"), InputError, "in.csv:2", "product_id");
});

Deno.test("decimal and exponent numbers are accepted", () => {
  const set = parse(HEADER + "2023-01-01,P1,1.5,2e1\n");
  assertEquals(values(set.products[0].sales), [1.5]);
  assertEquals(values(set.products[0].returns), [20]);
});

Deno.test("values stay in their documented range: no overflow, no hex, four-digit years", () => {
  const row = (date: string, sales: string) => parse(`${HEADER}${date},P1,${sales},0\n`);
  assertThrows(() => row("2023-01-01", "1e308"), InputError, "in.csv:2", "10^12", '"1e308"');
  assertThrows(() => row("2023-01-01", "0x10"), InputError, "in.csv:2", "decimal", '"0x10"');
  assertThrows(() => row("2023-01-01", "Infinity"), InputError, '"Infinity"');
  assertThrows(() => row("0023-06-15", "5"), InputError, "1900-01-01", '"0023-06-15"');
  assertThrows(() => row("9999-12-31", "5"), InputError, "2199-12-31", '"9999-12-31"');
  assertEquals(row("2023-01-01", "1e12").products[0].sales[0], 1e12);
  assertEquals(row("2199-12-31", "2.5").products[0].sales[0], 2.5);
});

Deno.test("an error quotes at most about 100 characters of a value", () => {
  const long = "x".repeat(100_000);
  const error = assertThrows(
    () => parse(`${HEADER}2023-01-01,P1,${long},0\n`),
    InputError,
    "in.csv:2",
  );
  assert(error.message.length < 250, `message of ${error.message.length} characters`);
});
