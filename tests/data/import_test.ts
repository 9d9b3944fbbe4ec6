import { importOrderLines } from "../../src/data/import/order_lines.ts";
import { customLayout } from "../../src/data/import/layouts.ts";
import { readText } from "../../src/io/read_text.ts";
import { InputError } from "../../src/io/errors.ts";
import { sum } from "../../src/data/series.ts";
import { formatIsoDay } from "../../src/data/dates.ts";
import { assert, assertEquals, assertThrows } from "../helpers/assert.ts";
import { ROOT } from "../helpers/cli.ts";

const FIXTURE = `${ROOT}data/fixtures/online_retail_10.csv.gz`;
const SHARED = `${ROOT}../shared/data/online-retail/online_retail_ii_2009-12_2010-11.csv.gz`;
const HEADER = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n";

// Worked out independently with tests/fixtures/independent_totals.py (Python's csv module).
const FIXTURE_TOTALS: Record<string, [number, number]> = {
  "17003": [47349, 737],
  "20727": [14521, 1083],
  "21080": [17888, 636],
  "21212": [58553, 730],
  "21731": [14920, 804],
  "84077": [51332, 504],
  "84270": [22979, 1740],
  "84568": [24624, 865],
  "84879": [43832, 431],
  "85123A": [56887, 1059],
};

function totalsOf(
  set: { products: readonly { id: string; sales: Float64Array; returns: Float64Array }[] },
) {
  return Object.fromEntries(set.products.map((p) => [p.id, [sum(p.sales), sum(p.returns)]]));
}

Deno.test("the real-data fixture imports to the independently computed totals", async () => {
  const { set, summary } = importOrderLines(await readText(FIXTURE), "fixture");
  assertEquals(totalsOf(set), FIXTURE_TOTALS);
  assertEquals(summary.layout, "online-retail-ii");
  assert((summary.dropped["non-product code"] ?? 0) > 2000, "postage and fees dropped");
  assert((summary.dropped["write-off (negative quantity on a normal invoice)"] ?? 0) > 0);
  assert((summary.dropped["stock adjustment (quantity > 0, price ≤ 0)"] ?? 0) > 0);
  // Every calendar day of the span is present for every product.
  for (const product of set.products) {
    assertEquals(formatIsoDay(product.start), "2009-12-01");
    assertEquals(product.sales.length, 365);
  }
});

Deno.test("codes are trimmed and upper-cased, so 85123a and 85123A are one product", () => {
  const text = HEADER +
    "1,85123A,X,2,2010-01-04 10:00:00,1.0,1,UK\n" +
    "2,85123a ,X,3,2010-01-04 11:00:00,1.0,1,UK\n" +
    "C3,85123a,X,-1,2010-01-05 11:00:00,1.0,1,UK\n";
  const { set } = importOrderLines(text, "t.csv");
  assertEquals(totalsOf(set), { "85123A": [5, 1] });
});

Deno.test("--top keeps the best sellers that have returns", () => {
  const text = HEADER +
    "1,10A,x,100,2010-01-04 10:00:00,1,1,UK\n" + // best seller, no returns
    "2,10B,x,50,2010-01-04 10:00:00,1,1,UK\n" +
    "C3,10B,x,-1,2010-01-05 10:00:00,1,1,UK\n" +
    "4,10C,x,10,2010-01-04 10:00:00,1,1,UK\n" +
    "C5,10C,x,-1,2010-01-05 10:00:00,1,1,UK\n" +
    "6,10D,x,5,2010-01-04 10:00:00,1,1,UK\n" +
    "C7,10D,x,-1,2010-01-06 10:00:00,1,1,UK\n";
  const { set, summary } = importOrderLines(text, "t.csv", { top: 2 });
  assertEquals(set.products.map((p) => p.id), ["10B", "10C"]);
  assertEquals(summary.productsSeen, 4);
  assertEquals(set.products[0].sales.length, 3, "span covers the whole file");
});

Deno.test("--drop-mega-orders drops a mega-order with its cancellation within 24 h only", () => {
  const text = HEADER +
    "1,10A,x,80995,2010-01-04 09:01:00,2.08,16446,UK\n" +
    "C2,10A,x,-80995,2010-01-04 09:10:00,2.08,16446,UK\n" + // mistaken order: dropped
    "3,10A,x,12,2010-01-04 10:00:00,2.08,17000,UK\n" +
    "4,10B,x,12000,2010-01-04 10:00:00,0.1,13902,DK\n" + // real wholesale order: kept
    "5,10C,x,10000,2010-01-04 10:00:00,0.1,1,UK\n" +
    "C6,10C,x,-10000,2010-01-06 10:00:00,0.1,1,UK\n"; // cancelled after 48 h: kept
  const kept = importOrderLines(text, "t.csv", { dropMegaOrders: true });
  assertEquals(totalsOf(kept.set), { "10A": [12, 0], "10B": [12000, 0], "10C": [10000, 10000] });
  assertEquals(kept.summary.megaOrders.length, 1);
  assertEquals(kept.summary.megaOrders[0].orderInvoice, "1");
  assertEquals(kept.summary.megaOrders[0].cancelInvoice, "C2");
  assertEquals(kept.summary.dropped["mega-order or its cancellation"], 2);
  const all = importOrderLines(text, "t.csv");
  assertEquals(totalsOf(all.set)["10A"], [81007, 80995]);
});

Deno.test("the Online Retail I layout and its M/D/YYYY dates are recognised", () => {
  const text =
    "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
    "536365,85123A,X,6,12/1/2010 8:26,2.55,17850,UK\n" +
    "C536379,85123A,X,-1,12/2/2010 9:41,2.55,17850,UK\n";
  const { set, summary } = importOrderLines(text, "t.csv");
  assertEquals(summary.layout, "online-retail");
  assertEquals(formatIsoDay(set.products[0].start), "2010-12-01");
  assertEquals(Array.from(set.products[0].returns), [0, 1]);
});

Deno.test("other layouts work with a column mapping", () => {
  const text = "Order,SKU,Qty,When\n" + "o1,sku-1,4,2024-03-01\n" + "C-o1,sku-1,-2,2024-03-03\n";
  const layout = customLayout("invoice=Order,product=SKU,quantity=Qty,date=When");
  const { set } = importOrderLines(text, "t.csv", { layout });
  assertEquals(totalsOf(set), { "SKU-1": [4, 2] });
  assertEquals(set.products[0].sales.length, 3);
});

Deno.test("unrecognised headers and bad values are one-line errors with the line", () => {
  assertThrows(() => importOrderLines("a,b\n1,2\n", "t.csv"), InputError, "t.csv:1", "--columns");
  assertThrows(
    () => importOrderLines(HEADER + "1,A,x,many,2010-01-04 10:00:00,1,1,UK\n", "t.csv"),
    InputError,
    "t.csv:2",
    '"many"',
  );
  assertThrows(
    () => importOrderLines(HEADER + "1,A,x,1,04.01.2010,1,1,UK\n", "t.csv"),
    InputError,
    "t.csv:2",
    '"04.01.2010"',
  );
  assertThrows(() => customLayout("product=SKU"), InputError, "invoice");
});

Deno.test({
  name: "the shared 12-month file imports to the independently computed per-product totals",
  ignore: !existsSync(SHARED),
  async fn() {
    const expected = JSON.parse(
      await Deno.readTextFile(`${ROOT}tests/fixtures/online_retail_ii_totals.json`),
    );
    const { set } = importOrderLines(await readText(SHARED), "shared");
    assertEquals(totalsOf(set), expected);
  },
});

function existsSync(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

Deno.test("order lines: no hex quantities, no overflow, no impossible clock times", () => {
  const line = (quantity: string, date: string) =>
    importOrderLines(`${HEADER}489434,85048,X,${quantity},${date},6.95,13085,UK\n`, "o.csv");
  assertThrows(() => line("0x10", "2009-12-01 07:45:00"), InputError, "o.csv:2", '"0x10"');
  assertThrows(() => line("1e308", "2009-12-01 07:45:00"), InputError, "o.csv:2", "10^12");
  assertThrows(
    () => line("12", "2009-12-01 99:99"),
    InputError,
    "o.csv:2",
    "real time",
    '"2009-12-01 99:99"',
  );
  assertThrows(() => line("12", "2009-12-01 23:59:60"), InputError, "o.csv:2");
  assertThrows(() => line("12", "0023-06-15 10:00"), InputError, "o.csv:2");
  assertEquals(line("12", "2009-12-01 23:59:59").summary.totalSales, 12);
  const kept = importOrderLines(
    `${HEADER}489434,85048,X,12,2009-12-01 23:59,6.95,13085,UK\nC489449,85048,X,-2,12/2/2009 8:05,6.95,13085,UK\n`,
    "o.csv",
  );
  assertEquals(kept.summary.totalSales, 12);
  assertEquals(kept.summary.totalReturns, 2);
});
