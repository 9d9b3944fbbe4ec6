/**
 * `simulation.json` (`plan --simulate`, `report`): the parameters and span of the replay; per
 * policy — over all products and per product — fill rate, cycle service, stockout days, average
 * on hand (per product) and average stock (all products), days of cover, holding, shortage and
 * total cost, demand, cycles, orders and large-order units served from outside stock; the
 * hindsight benchmark `multiplier-matched`; and the trade-off curves of achieved fill rate
 * against average stock (see `inventory/simulation/simulate.ts`).
 * @module
 */

import type { SimulationResult } from "../inventory/simulation/simulate.ts";
import { InputError } from "../io/errors.ts";

/** simulation.json. */
export function formatSimulationJson(simulation: SimulationResult): string {
  return JSON.stringify(simulation, null, 2) + "\n";
}

/** simulation.json read back; an InputError naming the file when it is unreadable. */
export async function readSimulationJson(path: string): Promise<SimulationResult> {
  try {
    return JSON.parse(await Deno.readTextFile(path)) as SimulationResult;
  } catch {
    throw new InputError("unreadable simulation.json; run plan --simulate again", { file: path });
  }
}
