/**
 * Order-line file layouts: which header names hold the invoice, product, quantity, date, price
 * and customer. The Online Retail II and I layouts are recognised by their headers; any other
 * layout is described with a column mapping (`--columns date=OrderDate,product=SKU,…`).
 * @module
 */

import { InputError } from "../../io/errors.ts";

/** The fields an order line needs (price and customer are optional). */
export type OrderField = "invoice" | "product" | "quantity" | "date" | "price" | "customer";

/** A layout: header name per field, and whether the Online Retail non-product codes apply. */
export interface OrderLayout {
  /** Name shown in summaries. */
  name: string;
  /** Header name of each field (case-insensitive). */
  columns: Partial<Record<OrderField, string>>;
  /** Drop the Online Retail non-product codes (postage, fees, adjustments, …). */
  onlineRetailCodes: boolean;
}

/** Known layouts by name. */
export const LAYOUTS: Record<string, OrderLayout> = {
  "online-retail-ii": {
    name: "online-retail-ii",
    columns: {
      invoice: "Invoice",
      product: "StockCode",
      quantity: "Quantity",
      date: "InvoiceDate",
      price: "Price",
      customer: "Customer ID",
    },
    onlineRetailCodes: true,
  },
  "online-retail": {
    name: "online-retail",
    columns: {
      invoice: "InvoiceNo",
      product: "StockCode",
      quantity: "Quantity",
      date: "InvoiceDate",
      price: "UnitPrice",
      customer: "CustomerID",
    },
    onlineRetailCodes: true,
  },
};

const REQUIRED_FIELDS: OrderField[] = ["invoice", "product", "quantity", "date"];
const ALL_FIELDS: OrderField[] = [...REQUIRED_FIELDS, "price", "customer"];

/**
 * Parses a `--columns` mapping such as `date=OrderDate,product=SKU,quantity=Qty,invoice=Order`
 * into a custom layout.
 */
export function customLayout(mapping: string): OrderLayout {
  const columns: Partial<Record<OrderField, string>> = {};
  for (const pair of mapping.split(",")) {
    const [field, header] = pair.split("=").map((part) => part.trim());
    if (!ALL_FIELDS.includes(field as OrderField) || !header) {
      throw new InputError(
        `--columns: cannot read ${JSON.stringify(pair)}; write field=Header pairs with fields ` +
          ALL_FIELDS.join(", "),
      );
    }
    columns[field as OrderField] = header;
  }
  const missing = REQUIRED_FIELDS.filter((field) => !columns[field]);
  if (missing.length > 0) {
    throw new InputError(`--columns must map ${missing.join(", ")} (required: ${REQUIRED_FIELDS})`);
  }
  return { name: "custom", columns, onlineRetailCodes: false };
}

/**
 * Finds the column index of each field for a header row: from the given layout, or by
 * recognising a known layout from the header names.
 */
export function resolveColumns(
  header: string[],
  file: string,
  layout?: OrderLayout,
): { layout: OrderLayout; index: Partial<Record<OrderField, number>> } {
  const names = header.map((name) => name.trim().toLowerCase());
  const indexFor = (candidate: OrderLayout) => {
    const index: Partial<Record<OrderField, number>> = {};
    for (const [field, name] of Object.entries(candidate.columns)) {
      const at = names.indexOf(name!.toLowerCase());
      if (at >= 0) index[field as OrderField] = at;
    }
    return index;
  };
  const complete = (index: Partial<Record<OrderField, number>>) =>
    REQUIRED_FIELDS.every((field) => index[field] !== undefined);

  if (layout) {
    const index = indexFor(layout);
    const missing = Object.entries(layout.columns)
      .filter(([field]) => index[field as OrderField] === undefined)
      .map(([, name]) => name);
    if (missing.length > 0) {
      throw new InputError(
        `header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of layout ` +
          `${layout.name} (found: ${header.join(", ")})`,
        { file, line: 1 },
      );
    }
    return { layout, index };
  }
  for (const candidate of Object.values(LAYOUTS)) {
    const index = indexFor(candidate);
    if (complete(index) && Object.keys(index).length === Object.keys(candidate.columns).length) {
      return { layout: candidate, index };
    }
  }
  throw new InputError(
    `header not recognised as an order-line layout (found: ${header.join(", ")}); ` +
      `pass --columns invoice=…,product=…,quantity=…,date=…[,price=…,customer=…]`,
    { file, line: 1 },
  );
}
