/**
 * Which products are "similar" for pooling forecast errors: the Syntetos–Boylan–Croston demand
 * classes, from the average interval between demands (ADI) and the squared coefficient of
 * variation of the non-zero demand sizes (CV²), with the cut-offs of the literature (ADI 1.32,
 * CV² 0.49; Syntetos, Boylan & Croston 2005) — not fitted to any data set here. The shape of a
 * product's scaled errors depends on these two (how often it sells, how uneven the sizes are);
 * its volume is taken out by scaling. Pure.
 * @module
 */

/** The four demand classes. */
export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy";

/** Cut-off of the average demand interval (days per day with a sale). */
export const ADI_CUTOFF = 1.32;
/** Cut-off of the squared coefficient of variation of the non-zero sizes. */
export const CV2_CUTOFF = 0.49;

/** ADI, CV² and class of a daily sales history. */
export interface DemandProfile {
  adi: number;
  cv2: number;
  demandClass: DemandClass;
}

/**
 * The demand profile of `sales[from … to − 1]`, counting only open days (`open[i]` ≠ 0, all
 * days when absent). A history without any sale is "intermittent" with ADI = ∞ and CV² = 0.
 *
 * @example
 * ```ts
 * import { demandProfile } from "./classify.ts";
 * demandProfile([0, 4, 0, 4, 0, 4]).demandClass; // "intermittent": ADI 2, CV² 0
 * ```
 */
export function demandProfile(
  sales: ArrayLike<number>,
  from = 0,
  to = sales.length,
  open?: ArrayLike<number>,
): DemandProfile {
  let days = 0;
  let count = 0;
  let total = 0;
  let squares = 0;
  for (let i = Math.max(0, from); i < Math.min(to, sales.length); i++) {
    if (open && !open[i]) continue;
    days++;
    if (sales[i] > 0) {
      count++;
      total += sales[i];
      squares += sales[i] * sales[i];
    }
  }
  if (count === 0) return { adi: Infinity, cv2: 0, demandClass: "intermittent" };
  const mean = total / count;
  const variance = Math.max(0, squares / count - mean * mean);
  const adi = days / count;
  const cv2 = variance / (mean * mean);
  return { adi, cv2, demandClass: classOf(adi, cv2) };
}

/** The class of an (ADI, CV²) pair. */
export function classOf(adi: number, cv2: number): DemandClass {
  if (adi < ADI_CUTOFF) return cv2 < CV2_CUTOFF ? "smooth" : "erratic";
  return cv2 < CV2_CUTOFF ? "intermittent" : "lumpy";
}
