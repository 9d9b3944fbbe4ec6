/**
 * Saves and loads trained LSTMs: `model.json` (tfjs topology and weight manifest), `weights.bin`
 * and `metadata.json` (model name, architecture, scaling, training span, data fingerprint, seed,
 * training summary, backtest metrics, version). A directory is written whole under a temporary
 * name and swapped in, so an interrupted run leaves the previous model intact. A damaged or
 * incompatible directory is an `InputError` that names it and says how to retrain.
 * @module
 */

import { join } from "node:path";
import type * as TF from "@tensorflow/tfjs";
import { InputError } from "../../io/errors.ts";
import { VERSION } from "../../version.ts";
import { loadTf } from "../lstm/tf.ts";
import { type LstmState, TrainedLstm } from "../lstm/model.ts";
import type { Metrics } from "../metrics.ts";
import { sha256Hex } from "./fingerprint.ts";
import { exists, recoverDirectory, writeDirectoryAtomic } from "../../io/write_dir_atomic.ts";

/** Format of the saved files; bump when they change incompatibly. */
export const STORE_FORMAT = 2;

/** One product's part of a saved model: its scaling and bias (the network is shared). */
export interface LstmMember {
  productId: string;
  scalers: LstmState["scalers"];
  bias: number;
  calibrationFrom: number;
}

/** What `metadata.json` holds. */
export interface LstmMetadata {
  format: number;
  version: string;
  model: string;
  /** The product, or `*` for a model shared across products. */
  productId: string;
  target: string;
  /** Training span, ISO dates. */
  trainingSpan: { first: string; last: string };
  /** Fingerprint of the training data and settings. */
  fingerprint: string;
  /** SHA-256 of weights.bin. */
  weightsSha256: string;
  /** Architecture, scaling, training summary, seed (of the first member). */
  state: LstmState;
  /** Per product: scaling and bias (one entry for a per-product model). */
  members: LstmMember[];
  /** Backtest metrics, when a backtest has scored this model. */
  backtest?: Metrics;
}

/**
 * Saves trained LSTMs that share one network (one model, or a global model's per-product views)
 * into `dir`, replacing what was there atomically.
 */
export async function saveLstm(
  dir: string,
  models: readonly TrainedLstm[],
  meta: Omit<LstmMetadata, "format" | "version" | "model" | "weightsSha256" | "state" | "members">,
  memberIds: readonly string[] = [meta.productId],
): Promise<void> {
  const trained = models[0];
  const tf = trained.tf;
  let artifacts: TF.io.ModelArtifacts | undefined;
  await trained.network.save(tf.io.withSaveHandler((a) => {
    artifacts = a;
    return Promise.resolve({
      modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: "JSON" },
    });
  }));
  const weights = new Uint8Array(
    Array.isArray(artifacts!.weightData)
      ? tf.io.concatenateArrayBuffers(artifacts!.weightData)
      : artifacts!.weightData!,
  );
  const modelJson = {
    format: "layers-model",
    generatedBy: `returncast ${VERSION}`,
    modelTopology: artifacts!.modelTopology,
    weightsManifest: [{ paths: ["weights.bin"], weights: artifacts!.weightSpecs }],
  };
  const metadata: LstmMetadata = {
    format: STORE_FORMAT,
    version: VERSION,
    model: trained.model,
    weightsSha256: await sha256Hex(weights),
    state: trained.state,
    members: models.map((m, i) => ({
      productId: models.length === 1 ? meta.productId : memberIds[i],
      scalers: m.state.scalers,
      bias: m.state.bias,
      calibrationFrom: m.state.calibrationFrom,
    })),
    ...meta,
  };
  await writeDirectoryAtomic(dir, async (temp) => {
    await Deno.writeTextFile(join(temp, "model.json"), JSON.stringify(modelJson));
    await Deno.writeFile(join(temp, "weights.bin"), weights);
    await Deno.writeTextFile(join(temp, "metadata.json"), JSON.stringify(metadata, null, 2));
  });
}

/** Rewrites `metadata.json` with backtest metrics added. */
export async function recordBacktest(dir: string, metrics: Metrics): Promise<void> {
  const path = join(dir, "metadata.json");
  const metadata = JSON.parse(await Deno.readTextFile(path)) as LstmMetadata;
  const temp = `${path}.tmp-${crypto.randomUUID().slice(0, 8)}`;
  await Deno.writeTextFile(temp, JSON.stringify({ ...metadata, backtest: metrics }, null, 2));
  await Deno.rename(temp, path);
}

/**
 * Loads the saved LSTM in `dir`: `undefined` when there is none, otherwise one model per member
 * (sharing the network; the first owns it) and the metadata. A half-swapped directory left by an
 * interrupted save is recovered first.
 */
export async function loadLstm(
  dir: string,
  retrainHint: string,
): Promise<{ models: Map<string, TrainedLstm>; metadata: LstmMetadata } | undefined> {
  await recoverDirectory(dir);
  if (!(await exists(dir))) return undefined;
  const damaged = (why: string) =>
    new InputError(`saved model is damaged or incompatible (${why}); ${retrainHint}`, {
      file: dir,
    });
  let metadata: LstmMetadata;
  let modelJson: {
    modelTopology: unknown;
    weightsManifest: { weights: TF.io.WeightsManifestEntry[] }[];
  };
  let weights: Uint8Array;
  try {
    metadata = JSON.parse(await Deno.readTextFile(join(dir, "metadata.json")));
    modelJson = JSON.parse(await Deno.readTextFile(join(dir, "model.json")));
    weights = await Deno.readFile(join(dir, "weights.bin"));
  } catch (error) {
    throw damaged(error instanceof Error ? error.message.split("\n")[0] : String(error));
  }
  if (metadata.format !== STORE_FORMAT || !Array.isArray(metadata.members)) {
    throw damaged(
      `written in format ${metadata.format}, this version reads format ${STORE_FORMAT}`,
    );
  }
  if ((await sha256Hex(weights)) !== metadata.weightsSha256) {
    throw damaged("weights.bin does not match its checksum");
  }
  const tf = await loadTf();
  try {
    const network = await tf.loadLayersModel({
      load: () =>
        Promise.resolve({
          modelTopology: modelJson.modelTopology as TF.io.ModelArtifacts["modelTopology"],
          weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
          weightData: weights.slice().buffer as ArrayBuffer,
        }),
    });
    const models = new Map(metadata.members.map((member, i) => [
      member.productId,
      new TrainedLstm(tf, network, { ...metadata.state, ...member }, i === 0),
    ]));
    return { models, metadata };
  } catch (error) {
    throw damaged(error instanceof Error ? error.message.split("\n")[0] : String(error));
  }
}
