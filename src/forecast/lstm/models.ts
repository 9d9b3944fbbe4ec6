/**
 * The two LSTM models of the registry.
 * @module
 */

import { LSTM_DIRECT, LSTM_GLOBAL, LSTM_SEED } from "./config.ts";
import { lstmModel } from "./model.ts";

/** The original design, kept as the reference point. */
export const lstmSeedModel = lstmModel(
  LSTM_SEED,
  "original design: 30 days in, LSTM 50 → LSTM 50 → dense 25 → 1 day out, rolled forward (min-max)",
);

/** Our LSTM: weekly patches, calendar inputs, direct 28-day output, log1p scaling. */
export const lstmDirectModel = lstmModel(
  LSTM_DIRECT,
  "8 weeks in as weekly steps with calendar features, 28 days out at once, log1p scaling; " +
    "returns models also see the sales",
);

/**
 * Our LSTM in global mode: one network per target across all products. Fitted on one series
 * it is the per-product model; the pipeline fits it across products (see `lstm/global.ts`).
 */
export const lstmGlobalModel = lstmModel(
  LSTM_GLOBAL,
  "our LSTM trained once across all products (one network per target, per-product scaling)",
);

/** Whether a model name is one of the LSTMs. */
export function isLstm(name: string): boolean {
  return name === "lstm" || name === "lstm-seed" || name === "lstm-global";
}

/** Whether a model trains across products. */
export function isGlobal(name: string): boolean {
  return name === "lstm-global";
}
