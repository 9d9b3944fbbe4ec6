/**
 * The explorer's page data: one `<script type="application/json" id="explorer-data">` holding
 * the run's settings, the error pools that many products share (once), the product ids (for the
 * picker, in the summary table's order) and one record per product — raw-deflated, base64 —
 * decoded only when that product is picked.
 * @module
 */

import { inflateSync } from "fflate";
import type { Costs, PolicySettings } from "../../inventory/policies/types.ts";
import { fromBase64 } from "./bytes.ts";
import { decodePools, type PolicyRun, resolvePooled } from "./policy_inputs.ts";
import type { PoolPoint } from "../../inventory/errors/pooling.ts";
import { decodeRecord, type ExplorerRecord } from "./record.ts";

/** Version of {@link ExplorerPayload}; bump on any change the bundle must know about. */
export const PAYLOAD_SCHEMA = 4;

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
    /** What the policies read from the whole run (see `policy_inputs.ts`). */
    policyRun: PolicyRun;
    /** The shared error pools records refer to: base64 of raw-deflated `encodePools` bytes. */
    pools: string;
  };
  /** Product ids, in the order of the report's summary table (the first is the default). */
  ids: string[];
  /** One record per id: base64 of its raw-deflated bytes (`record.ts`). */
  products: string[];
}

const decodedPools = new WeakMap<ExplorerPayload, PoolPoint[][]>();

/** The payload's shared pools, decoded once. */
function poolsOf(payload: ExplorerPayload): PoolPoint[][] {
  let pools = decodedPools.get(payload);
  if (!pools) {
    pools = decodePools(inflateSync(fromBase64(payload.run.pools)));
    decodedPools.set(payload, pools);
  }
  return pools;
}

/**
 * Decodes product `index`, synchronously: raw deflate is inflated with fflate (about 1 ms a
 * record), not `DecompressionStream`, whose tasks wait behind the HTML parser while the rest of a
 * large report is still loading. A distribution kept by reference to a shared pool is computed
 * here, as `plan` computed it.
 */
export function decodeProduct(payload: ExplorerPayload, index: number): ExplorerRecord {
  const record = decodeRecord(inflateSync(fromBase64(payload.products[index])));
  if (!record.policy.pooled) return record;
  return { ...record, policy: resolvePooled(record.policy, poolsOf(payload)) };
}
