/**
 * Saves and loads trained LSTMs: `model.json` (tfjs topology and weight manifest), `weights.bin`,
 * `metadata.json` (model name, product, architecture, scaling, bias, training span, data
 * fingerprint, seed, training summary, backtest metrics, version) and `checksums.json` (SHA-256
 * of the other three, see `checksums.ts`). A directory is written whole under a temporary name and
 * swapped in, so an interrupted run leaves the previous model intact, and is used only when every
 * file matches its checksum.
 * @module
 */

import type * as TF from "@tensorflow/tfjs";
import { InputError } from "../../io/errors.ts";
import { exists, recoverDirectory } from "../../io/write_dir_atomic.ts";
import { VERSION } from "../../version.ts";
import { loadTf } from "../lstm/tf.ts";
import { type LstmState, TrainedLstm } from "../lstm/model.ts";
import type { Metrics } from "../metrics.ts";
import type { ModelFiles } from "./checksums.ts";
import { firstLine, jsonBytes, parseJson, readModelDir, writeModelDir } from "./model_dir.ts";

/** Format of the saved files; bump when they change incompatibly (3: checksums.json). */
export const STORE_FORMAT = 3;

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
  /** Architecture, scaling, training summary, seed (of the first member). */
  state: LstmState;
  /** Per product: scaling and bias (one entry for a per-product model). */
  members: LstmMember[];
  /** Backtest metrics, when a backtest has scored this model. */
  backtest?: Metrics;
}

/** A saved LSTM loaded: one model per member (sharing the network; the first owns it). */
export interface SavedLstm {
  models: Map<string, TrainedLstm>;
  metadata: LstmMetadata;
}

/** What a model directory holds: nothing, a model that must not be used (and why), or a model. */
export type LstmInspection =
  | { status: "missing" }
  | { status: "unusable"; reason: string; format?: unknown }
  | { status: "ok"; saved: SavedLstm };

/**
 * Saves trained LSTMs that share one network (one model, or a global model's per-product views)
 * into `dir`, replacing what was there atomically.
 */
export async function saveLstm(
  dir: string,
  models: readonly TrainedLstm[],
  meta: Omit<LstmMetadata, "format" | "version" | "model" | "state" | "members">,
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
    state: trained.state,
    members: models.map((m, i) => ({
      productId: models.length === 1 ? meta.productId : memberIds[i],
      scalers: m.state.scalers,
      bias: m.state.bias,
      calibrationFrom: m.state.calibrationFrom,
    })),
    ...meta,
  };
  await writeModelDir(dir, {
    "model.json": jsonBytes(modelJson),
    "weights.bin": weights,
    "metadata.json": jsonBytes(metadata, 2),
  });
}

/**
 * Rewrites the model in `dir` with backtest metrics added to its metadata (and its checksums
 * renewed). Nothing is written when the metrics are already there, or when the directory is not
 * intact: a changed file is never given fresh checksums.
 */
export async function recordBacktest(dir: string, metrics: Metrics): Promise<void> {
  const read = await readModelDir(dir);
  if (!read.intact) return;
  const metadata = parseJson<LstmMetadata>(read.files["metadata.json"]);
  if (JSON.stringify(metadata.backtest) === JSON.stringify(metrics)) return;
  await writeModelDir(dir, {
    ...read.files,
    "metadata.json": jsonBytes({ ...metadata, backtest: metrics }, 2),
  });
}

/**
 * Looks at the model directory `dir`: missing, unusable (a file changed or damaged since it was
 * saved, another format — with the reason), or loaded. A half-swapped directory left by an
 * interrupted save is recovered first.
 */
export async function inspectLstm(dir: string): Promise<LstmInspection> {
  await recoverDirectory(dir);
  if (!(await exists(dir))) return { status: "missing" };
  const read = await readModelDir(dir);
  if (!read.intact) {
    const { reason, format } = read;
    const older = format !== undefined && format !== STORE_FORMAT;
    return { status: "unusable", reason: older ? formatReason(format) : reason, format };
  }
  let metadata: LstmMetadata;
  try {
    metadata = parseJson<LstmMetadata>(read.files["metadata.json"]);
  } catch (error) {
    return { status: "unusable", reason: `is damaged (metadata.json: ${firstLine(error)})` };
  }
  if (metadata?.format !== STORE_FORMAT || !Array.isArray(metadata.members)) {
    return { status: "unusable", reason: formatReason(metadata?.format), format: metadata?.format };
  }
  try {
    return { status: "ok", saved: await modelsFrom(read.files, metadata) };
  } catch (error) {
    return { status: "unusable", reason: `is damaged (${firstLine(error)})` };
  }
}

/**
 * Loads the saved LSTM in `dir`: `undefined` when there is none, an `InputError` naming the
 * directory, the reason and `retrainHint` when it must not be used, otherwise the models.
 */
export async function loadLstm(dir: string, retrainHint: string): Promise<SavedLstm | undefined> {
  const inspection = await inspectLstm(dir);
  if (inspection.status === "missing") return undefined;
  if (inspection.status === "unusable") {
    throw new InputError(`saved model ${inspection.reason}; ${retrainHint}`, { file: dir });
  }
  return inspection.saved;
}

/**
 * Why a model's metadata does not belong to `productId` (`*` for a global model) — it names
 * another product, or a per-product model has other members — or `undefined` when it does.
 */
export function ownerMismatch(metadata: LstmMetadata, productId: string): string | undefined {
  const quote = (id: unknown) => JSON.stringify(String(id).slice(0, 100));
  const members = Array.isArray(metadata.members) ? metadata.members : [];
  if (metadata.productId !== productId) {
    return `belongs to product ${quote(metadata.productId)}, not ${quote(productId)}`;
  }
  if (productId !== "*" && (members.length !== 1 || members[0]?.productId !== productId)) {
    return `lists other products than ${quote(productId)}`;
  }
  return undefined;
}

function formatReason(format: unknown): string {
  return `was written in format ${format}; this version reads format ${STORE_FORMAT}`;
}

/** Builds the network and the members' models from a model's files. */
async function modelsFrom(files: ModelFiles, metadata: LstmMetadata): Promise<SavedLstm> {
  const modelJson = parseJson<{
    modelTopology: unknown;
    weightsManifest: { weights: TF.io.WeightsManifestEntry[] }[];
  }>(files["model.json"]);
  const tf = await loadTf();
  const network = await tf.loadLayersModel({
    load: () =>
      Promise.resolve({
        modelTopology: modelJson.modelTopology as TF.io.ModelArtifacts["modelTopology"],
        weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
        weightData: files["weights.bin"].slice().buffer as ArrayBuffer,
      }),
  });
  const models = new Map(metadata.members.map((member, i) => [
    member.productId,
    new TrainedLstm(tf, network, { ...metadata.state, ...member }, i === 0),
  ]));
  return { models, metadata };
}
