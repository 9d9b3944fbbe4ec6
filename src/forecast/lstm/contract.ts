/**
 * An LSTM design behind the common model contract: what the registry lists. The model declares
 * what it is — heavy, per product or global, reading the sales forecast when its design takes
 * sales inputs, its network design — and fits by training (`model.ts`).
 * @module
 */

import type { ForecastModel } from "../types.ts";
import type { LstmConfig } from "./config.ts";
import { trainLstm } from "./model.ts";

/** How an LSTM model is registered: its scope, what replaces it at scale, its description. */
export interface LstmModelOptions {
  /** One line on how it works. */
  description: string;
  /** `global`: trained once across all products of a target. @default "product" */
  scope?: "product" | "global";
  /** The model `auto`'s default candidates use instead when there are many products. */
  atScale?: string;
}

/** Makes the contract object of an LSTM design (its alias is the design's name). */
export function lstmModel(config: LstmConfig, options: LstmModelOptions): ForecastModel {
  return {
    name: config.name,
    description: options.description,
    minHistory: config.window + config.outputs + 30,
    targets: ["sales", "returns"],
    cost: "heavy",
    scope: options.scope ?? "product",
    needsSalesForecast: config.salesInputs,
    network: config,
    ...(options.atScale ? { atScale: options.atScale } : {}),
    fit: (history, fitOptions) => trainLstm(config, history, fitOptions),
  };
}
