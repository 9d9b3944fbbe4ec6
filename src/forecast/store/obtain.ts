/**
 * Gets trained LSTMs for histories: the saved ones when they are intact and their data
 * fingerprint still matches (`reuse`), otherwise trained now and saved. A per-product LSTM lives
 * in `models/<product>+<hash>/<target>/<model>/`; the global one in
 * `models/.all/<target>/lstm-global/`.
 * @module
 */

import { dirname, join } from "node:path";
import type { ForecastModel, SeriesContext, TrainingProgress } from "../types.ts";
import { type TrainedLstm, trainLstm, trainSharedLstm } from "../lstm/model.ts";
import { saveLstm } from "./lstm_store.ts";
import { legacyModelDir, modelDir } from "./paths.ts";
import { openSlot } from "./reuse.ts";
import { fingerprintTraining, sha256Hex } from "./fingerprint.ts";
import { formatIsoDay } from "../../data/dates.ts";
import { VERSION } from "../../version.ts";

/** Where LSTMs are saved, and whether saved ones may be reused. */
export interface StoreOptions {
  /** Root directory (`models`). */
  root: string;
  /** `reuse`: load a fresh saved model, train only what is missing or stale; `retrain`: always train. */
  mode: "reuse" | "retrain";
}

/** Directory of the global model of a target. */
export function globalModelDir(root: string, target: string, model: string): string {
  return join(root, ".all", target, model);
}

/** LSTMs aligned with `histories`, where they came from, and how to free them. */
export interface ObtainedLstms {
  /** Where they are saved. */
  dir: string;
  models: TrainedLstm[];
  source: "loaded" | "trained";
  dispose(): void;
}

/** Loads fresh saved LSTMs or trains (and saves) them. */
export async function lstmModelsFor(
  model: ForecastModel,
  histories: readonly SeriesContext[],
  options: {
    seed: number;
    store: StoreOptions;
    epochs?: number;
    horizon: number;
    onProgress?: (p: TrainingProgress) => void;
    /**
     * Saves under `<model>@<variant>` instead (a backtest fit at a cutoff), replacing the
     * model's other variants.
     */
    variant?: string;
    /** Other variants to keep (a global backtest's other fit cutoffs, trained by the same run). */
    keepVariants?: readonly string[];
  },
): Promise<ObtainedLstms> {
  const name = model.name;
  const base = model.network;
  if (!base) throw new RangeError(`Cannot store ${name}: it is not a network`);
  const config = options.epochs ? { ...base, maxEpochs: options.epochs } : base;
  const global = model.scope === "global";
  const first = histories[0];
  const stored = options.variant ? `${name}@${options.variant}` : name;
  const dir = global
    ? globalModelDir(options.store.root, first.target, stored)
    : modelDir(options.store.root, first.productId, first.target, stored);
  // The epoch limit is a training choice, not part of what the model is: models trained with
  // `train --epochs N` are reused by `forecast` as long as data, design, seed and version match.
  const design = { ...config, maxEpochs: undefined };
  const parts = await Promise.all(
    histories.map((h) => fingerprintTraining(h, { design, seed: options.seed, VERSION })),
  );
  const fingerprint = parts.length === 1
    ? parts[0]
    : (await sha256Hex(new TextEncoder().encode(parts.join(",")))).slice(0, 32);
  const ids = histories.map((h) => h.productId);

  const saved = await openSlot({
    dir,
    name,
    legacyDir: global
      ? undefined
      : legacyModelDir(options.store.root, first.productId, first.target, stored),
    productId: global ? "*" : first.productId,
    ids,
    fingerprint,
  }, options.store.mode);
  if (saved) {
    const models = ids.map((id) => saved.models.get(id)!);
    const owner = [...saved.models.values()][0];
    return { dir, models, source: "loaded", dispose: () => owner.network.dispose() };
  }
  const models = global
    ? await trainSharedLstm(config, histories, {
      horizon: options.horizon,
      seed: options.seed,
      onProgress: options.onProgress,
    })
    : [
      await trainLstm(config, first, {
        horizon: options.horizon,
        seed: options.seed,
        onProgress: options.onProgress,
      }),
    ];
  const days = histories.map((h) => [h.start, h.start + h.values.length - 1]);
  await saveLstm(dir, models, {
    productId: global ? "*" : first.productId,
    target: first.target,
    trainingSpan: {
      first: formatIsoDay(Math.min(...days.map((d) => d[0]))),
      last: formatIsoDay(Math.max(...days.map((d) => d[1]))),
    },
    fingerprint,
  }, ids);
  if (options.variant) await removeOtherVariants(dir, name, options.keepVariants ?? []);
  return { dir, models, source: "trained", dispose: () => models[0].network.dispose() };
}

/** Removes `<model>@*` directories beside `dir` other than `dir` itself and `keep`. */
async function removeOtherVariants(
  dir: string,
  name: string,
  keep: readonly string[],
): Promise<void> {
  const kept = new Set(keep.map((variant) => `${name}@${variant}`));
  const parent = dirname(dir);
  for await (const entry of Deno.readDir(parent)) {
    const path = join(parent, entry.name);
    // another save's swap, a dead one's, or a lock: left to their owners
    const unfinished = /\.(tmp|old|del)-|\.returncast-/.test(entry.name);
    const other = path !== dir && !kept.has(entry.name);
    if (entry.isDirectory && entry.name.startsWith(`${name}@`) && other && !unfinished) {
      await Deno.remove(path, { recursive: true });
    }
  }
}
