/**
 * `simulation.json` (`plan --simulate`, `report`): the parameters of the replay, and per policy
 * — over all products and per product — fill rate, stockout days, average on hand, holding,
 * shortage and total cost (see `inventory/compare.ts`).
 * @module
 */

import type { SimulationResult } from "../inventory/compare.ts";

/** simulation.json. */
export function formatSimulationJson(simulation: SimulationResult): string {
  return JSON.stringify(simulation, null, 2) + "\n";
}

/** simulation.json read back. */
export async function readSimulationJson(path: string): Promise<SimulationResult> {
  return JSON.parse(await Deno.readTextFile(path)) as SimulationResult;
}
