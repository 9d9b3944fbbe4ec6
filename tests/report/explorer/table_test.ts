/** The explorer's table: rows as shown, the CSV holding exactly them, a safe file name. */

import { assertEquals } from "../../helpers/assert.ts";
import { parseCsvRows } from "../../../src/data/csv.ts";
import {
  columnDigits,
  csvFileName,
  formatCell,
  TABLE_COLUMNS,
  tableCsv,
  tableRows,
} from "../../../src/report/explorer/table.ts";
import type { ExplorerRecord } from "../../../src/report/explorer/record.ts";

const series = (mean: number[]) => ({
  mean,
  lo80: mean.map((m) => m * 0.8),
  hi80: mean.map((m) => m * 1.2),
  lo95: mean.map((m) => m * 0.6),
  hi95: mean.map((m) => m * 1.4),
});
const record: ExplorerRecord = {
  firstDay: 19723,
  historyStart: 19633,
  history: { sales: [], returns: [] },
  sales: series([1234.56, 10.04, 0]),
  returns: series([1.234, 0.5, 0]),
  boundDigits: { sales: 0, returns: 2 },
  policy: {},
};

Deno.test("table rows: the numbers as shown, one row per day; the CSV holds the same", () => {
  const rows = tableRows(record, [1000.04, 9.5, 0], [2880.4, 2881, 0], 2);
  assertEquals(rows, [
    ["2024-01-01", 1234.6, 988, 1481, 741, 1728, 1.2, 1, 1.5, 0.7, 1.7, 1000, 2880],
    ["2024-01-02", 10, 8, 12, 6, 14, 0.5, 0.4, 0.6, 0.3, 0.7, 9.5, 2881],
  ]);
  const digits = columnDigits(record);
  assertEquals(rows[0].map((cell, i) => formatCell(cell, i, digits)), [
    "2024-01-01",
    "1,234.6",
    "988",
    "1,481",
    "741",
    "1,728",
    "1.2",
    "1.0",
    "1.5",
    "0.7",
    "1.7",
    "1,000.0",
    "2,880",
  ]);
  const csv = parseCsvRows(tableCsv(rows));
  assertEquals(csv[0], [...TABLE_COLUMNS]);
  assertEquals(csv.slice(1).map((row) => row.map((c, i) => (i === 0 ? c : Number(c)))), rows);
});

Deno.test("the CSV's file name keeps only safe characters of the id", () => {
  assertEquals(csvFileName("P001", 30), "forecast-P001-30d.csv");
  assertEquals(
    csvFileName("</script><script>alert(1)</script>", 7),
    "forecast-script_script_alert_1_script_-7d.csv",
  );
  assertEquals(csvFileName("../../etc/passwd", 9), "forecast-etc_passwd-9d.csv");
  assertEquals(csvFileName("€€", 9), "forecast-product-9d.csv");
});
