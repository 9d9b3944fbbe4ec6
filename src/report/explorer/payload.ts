/**
 * The explorer's page data: one `<script type="application/json" id="explorer-data">` holding
 * the run's settings, the product ids (for the picker, in the summary table's order) and one
 * record per product — raw-deflated, base64 — decoded only when that product is picked.
 * @module
 */

import { inflateSync } from "fflate";
import type { Costs, PolicySettings } from "../../inventory/policies/types.ts";
import { fromBase64 } from "./bytes.ts";
import type { PolicyRun } from "./levels.ts";
import { decodeRecord, type ExplorerRecord } from "./record.ts";

/** Version of {@link ExplorerPayload}; bump on any change the bundle must know about. */
export const PAYLOAD_SCHEMA = 3;

/** Id of the data element. */
export const DATA_ELEMENT_ID = "explorer-data";

/** The page data. */
export interface ExplorerPayload {
  schema: typeof PAYLOAD_SCHEMA;
  run: {
    /** The run's `--horizon` (the slider's default). */
    horizon: number;
    /** Forecast days every record holds (the slider's maximum). */
    forecastDays: number;
    /** The run's policy, settings and costs (the controls' defaults). */
    policy: string;
    settings: PolicySettings;
    costs: Costs;
    /** What the policies read from the whole run (see `levels.ts`). */
    policyRun: PolicyRun;
  };
  /** Product ids, in the order of the report's summary table (the first is the default). */
  ids: string[];
  /** One record per id: base64 of its raw-deflated bytes (`record.ts`). */
  products: string[];
}

/**
 * Decodes product `index`, synchronously: raw deflate is inflated with fflate (about 1 ms a
 * record), not `DecompressionStream`, whose tasks wait behind the HTML parser while the rest of a
 * large report is still loading.
 */
export function decodeProduct(payload: ExplorerPayload, index: number): ExplorerRecord {
  return decodeRecord(inflateSync(fromBase64(payload.products[index])));
}
