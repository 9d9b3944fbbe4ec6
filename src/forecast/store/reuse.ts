/**
 * Deciding whether a saved model may be reused. A model is used only when every file matches its
 * checksum, its metadata names the product and it was trained on the same data and settings. A
 * model that was changed or damaged, names another product, or was saved in another format is
 * retrained, with one line on stderr saying which model and why (a model that is merely out of date
 * is retrained quietly, as always). Models in the old layout are moved to their hashed path when
 * they verify, otherwise removed (and retrained when needed); one line says which.
 * @module
 */

import { dirname } from "node:path";
import { exists } from "../../io/write_dir_atomic.ts";
import { terminalSafe } from "../../io/terminal.ts";
import { inspectLstm, ownerMismatch, type SavedLstm } from "./lstm_store.ts";
import { LEGACY_FORMAT, type LegacyMove, moveLegacyTarget, upgradeLegacy } from "./legacy.ts";
import { removeLeftovers } from "./leftovers.ts";

/** Which saved model a job wants. */
export interface ModelSlot {
  /** The model's directory. */
  dir: string;
  /** The model name without variant (`lstm`), whose leftovers beside `dir` are cleared. */
  name: string;
  /** Where the old layout kept the same model (per-product models). */
  legacyDir?: string;
  /** The product, or `*` for a model shared across products. */
  productId: string;
  /** Products whose models are needed (the members of a shared model). */
  ids: readonly string[];
  /** Fingerprint of the training data and settings. */
  fingerprint: string;
}

/**
 * Opens a slot: clears leftovers of dead saves beside it and moves the product's old-layout
 * models of this target into the hashed layout; then, in `reuse` mode, returns the saved models
 * it may use, or `undefined` (train and save) — saying why when a saved model is not used for any
 * reason but being out of date.
 */
export async function openSlot(
  slot: ModelSlot,
  mode: "reuse" | "retrain",
): Promise<SavedLstm | undefined> {
  await removeLeftovers(slot.dir, slot.name);
  if (slot.legacyDir && await exists(dirname(slot.legacyDir))) {
    const from = dirname(slot.legacyDir);
    const move = await moveLegacyTarget(from, dirname(slot.dir), slot.productId);
    const note = describeMove(from, dirname(slot.dir), move);
    if (note !== undefined) storeNotice(note);
  }
  if (mode === "retrain") return undefined;
  let inspection = await inspectLstm(slot.dir);
  if (inspection.status === "unusable" && inspection.format === LEGACY_FORMAT) {
    const why = await upgradeLegacy(slot.dir, slot.dir, slot);
    storeNotice(
      `saved model ${slot.dir} (format ${LEGACY_FORMAT}) ${
        why === undefined ? "upgraded: checksums added" : `${why}; retraining`
      }`,
    );
    if (why !== undefined) return undefined;
    inspection = await inspectLstm(slot.dir);
  }
  if (inspection.status === "missing") return undefined;
  if (inspection.status === "unusable") {
    storeNotice(`saved model ${slot.dir} ${inspection.reason}; retraining`);
    return undefined;
  }
  const { saved } = inspection;
  const wrong = ownerMismatch(saved.metadata, slot.productId);
  if (wrong === undefined && fresh(saved, slot)) return saved;
  disposeSaved(saved);
  if (wrong !== undefined) storeNotice(`saved model ${slot.dir} ${wrong}; retraining`);
  return undefined;
}

/** The line about moving old-layout models, when there is something to say. */
function describeMove(
  from: string,
  to: string,
  { moved, dropped, superseded }: LegacyMove,
): string | undefined {
  const names = (list: string[]) =>
    list.length > 3 ? `${list.slice(0, 3).join(", ")}, …` : list.join(", ");
  const parts: string[] = [];
  if (moved.length > 0) parts.push(`moved ${moved.length} (${names(moved)}) to ${to}`);
  if (dropped.length > 0) {
    const first = `${dropped[0].name} ${dropped[0].why}${dropped.length > 1 ? ", …" : ""}`;
    parts.push(`removed ${dropped.length} to be retrained (${first})`);
  }
  if (superseded.length > 0) {
    parts.push(`removed ${superseded.length} (${names(superseded)}) held in ${to} already`);
  }
  return parts.length > 0 ? `saved models in ${from} (old layout): ${parts.join("; ")}` : undefined;
}

/** Whether saved models were trained on the slot's data and settings and cover its products. */
function fresh(saved: SavedLstm, slot: ModelSlot): boolean {
  return saved.metadata.fingerprint === slot.fingerprint &&
    slot.ids.every((id) => saved.models.has(id));
}

/** Frees the network of saved models that are not used. */
function disposeSaved(saved: SavedLstm): void {
  [...saved.models.values()][0]?.network.dispose();
}

/**
 * One line about the model store on stderr (control characters escaped; on a terminal the
 * progress status line is cleared first). Printed even with `--quiet`: it says a saved model was
 * not what it should have been.
 */
export function storeNotice(message: string): void {
  console.error(`${Deno.stderr.isTerminal() ? "\r\x1b[2K" : ""}${terminalSafe(message)}`);
}
