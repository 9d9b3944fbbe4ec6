/** Helpers for the model store tests: small LSTM jobs, captured store lines, old-layout models. */

import { type ForecastJob, type ForecastOutcome, runJob } from "../../src/forecast/jobs.ts";
import { sha256Hex } from "../../src/forecast/store/fingerprint.ts";
import { legacyModelDir, modelDir } from "../../src/forecast/store/paths.ts";
import { contextFor, weeklySeries } from "./series_fixtures.ts";

/** The history the store tests train on (140 days, product `P/1` unless said). */
export const history = contextFor("sales", weeklySeries(140), undefined, "P/1");

/** A quick LSTM forecast job (3 epochs) for `productId` storing under `root`. */
export function job(
  root: string,
  mode: "reuse" | "retrain",
  productId = "P/1",
  values = history.values,
): ForecastJob {
  return {
    kind: "forecast",
    model: "lstm",
    history: { ...history, productId, values, sales: values },
    horizon: 14,
    seed: 3,
    store: { root, mode },
    epochs: 3,
  };
}

/** Runs a forecast job and returns its outcome. */
export async function run(forecast: ForecastJob): Promise<ForecastOutcome> {
  return await runJob(forecast) as ForecastOutcome;
}

/** Runs `fn` and returns what it printed with `console.error` (the store's lines) as well. */
export async function withStderr<T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const original = console.error;
  const lines: string[] = [];
  console.error = (...args: unknown[]) => lines.push(args.map(String).join(" "));
  try {
    return { value: await fn(), lines };
  } finally {
    console.error = original;
  }
}

/** Parsed JSON of a saved model's file, edited freely by tests. */
// deno-lint-ignore no-explicit-any
export type Json = any;

/** Reads a model's metadata.json. */
export async function readMetadata(dir: string): Promise<Json> {
  return JSON.parse(await Deno.readTextFile(`${dir}/metadata.json`));
}

/** Rewrites a model's metadata.json through `edit` (as a user with an editor would). */
export async function editMetadata(
  dir: string,
  edit: (metadata: Json) => void,
): Promise<void> {
  const metadata = await readMetadata(dir);
  edit(metadata);
  await Deno.writeTextFile(`${dir}/metadata.json`, JSON.stringify(metadata, null, 2));
}

/**
 * Turns a saved model into what the format-2 store wrote (metadata `format: 2` with
 * `weightsSha256`, no checksums.json) at the old layout's path of `productId`; returns that path.
 * `name` is the model directory's name (`lstm`, `lstm@…`).
 */
export async function makeLegacy(
  root: string,
  productId: string,
  name = "lstm",
  from = modelDir(root, productId, "sales", "lstm"),
): Promise<string> {
  const legacy = legacyModelDir(root, productId, "sales", name);
  await Deno.mkdir(legacy, { recursive: true });
  for (const file of ["model.json", "weights.bin", "metadata.json"]) {
    await Deno.copyFile(`${from}/${file}`, `${legacy}/${file}`);
  }
  const weights = await Deno.readFile(`${legacy}/weights.bin`);
  const weightsSha256 = await sha256Hex(weights);
  await editMetadata(legacy, (m) => Object.assign(m, { format: 2, weightsSha256 }));
  return legacy;
}

/** Whether a path exists. */
export function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}
