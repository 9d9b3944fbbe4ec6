/**
 * The order lines beside a run's daily CSV (`FILE.orders.csv`, written by `import`), by product;
 * none when the file is not there — daily data without it simply has no large orders.
 * @module
 */

import { hasOrderLines, orderLinesPath, readOrderLinesFile } from "./order_lines_file.ts";
import { linesByProduct, type OrderLine } from "./lines.ts";

/**
 * Reads the order lines of a daily CSV when it has them; `note` hears why `--large-order-units`
 * (`largeOrderUnits`) has nothing to separate when it does not.
 */
export async function readDataOrderLines(
  dataPath: string,
  largeOrderUnits: number | undefined,
  note: (line: string) => void,
): Promise<Map<string, OrderLine[]> | undefined> {
  if (!(await hasOrderLines(dataPath))) {
    if (largeOrderUnits !== undefined) {
      note(
        `note: no ${orderLinesPath(dataPath)} beside the data, so --large-order-units has no ` +
          "order lines to serve from outside stock (import writes them)",
      );
    }
    return undefined;
  }
  return linesByProduct(await readOrderLinesFile(orderLinesPath(dataPath)));
}
