/**
 * Number and date formatting for the report: thousands separators, fixed decimals, percentages,
 * and "–" for values that do not exist.
 * @module
 */

/** Whole units with thousands separators: 12,345. */
export function units(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–";
}

/** A number with `digits` decimals and separators: 1,234.5. */
export function decimal(value: number, digits = 1): string {
  return Number.isFinite(value)
    ? value.toLocaleString("en-US", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    })
    : "–";
}

/** A share as a percentage: 0.123 → "12.3 %". */
export function percent(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${(value * 100).toFixed(digits)} %` : "–";
}

/** A return rate as a percentage, or "n/a" when there were returns but no sales. */
export function returnRateText(value: number): string {
  return Number.isFinite(value) ? percent(value) : "n/a";
}

/** An anchor id for the n-th product (ids are user data; anchors stay plain). */
export function productAnchor(index: number): string {
  return `product-${index + 1}`;
}
