/**
 * Progress on stderr for long work: a line per stage, and while models train a status line
 * (product, target, epoch, loss, validation loss, time left) — redrawn in place on a terminal,
 * one line per finished training otherwise. `--quiet` silences all of it.
 * @module
 */

import { printErr } from "./print.ts";
import { terminalSafe } from "../io/terminal.ts";
import type { TrainingProgress } from "../forecast/types.ts";

/** Reports progress of one command. */
export class Progress {
  #quiet: boolean;
  #terminal: boolean;
  #started = performance.now();
  #stageStarted = performance.now();
  #done = 0;
  #total = 0;
  #weightDone = 0;
  #weightTotal = 0;
  #statusShown = false;

  /** `quiet` silences everything. */
  constructor(quiet = false, terminal = Deno.stderr.isTerminal()) {
    this.#quiet = quiet;
    this.#terminal = terminal;
  }

  /** Starts a stage of `total` units of work (each weighted, e.g. LSTM jobs count more). */
  stage(message: string, total = 0, totalWeight = total): void {
    this.#clearStatus();
    this.#stageStarted = performance.now();
    this.#done = 0;
    this.#total = total;
    this.#weightDone = 0;
    this.#weightTotal = totalWeight;
    this.#print(`▸ ${message}`);
  }

  /** One unit of work finished; `note` is printed when not on a terminal (or always if `always`). */
  step(weight = 1, note?: string): void {
    this.#done++;
    this.#weightDone += weight;
    if (note && !this.#terminal) this.#print(`  ${note} ${this.#counter()}`);
    else if (this.#terminal) this.#status(`  ${this.#counter()}${note ? ` ${note}` : ""}`);
  }

  /** A training epoch finished somewhere. */
  training(p: TrainingProgress): void {
    if (!this.#terminal) return;
    this.#status(
      `  ${this.#counter()} training ${p.model} ${p.productId} ${p.target}: epoch ${p.epoch}/${p.maxEpochs}` +
        ` loss ${p.loss.toFixed(4)} val ${Number.isFinite(p.valLoss) ? p.valLoss.toFixed(4) : "–"}`,
    );
  }

  /** Prints a line (clearing the status line first). */
  line(message: string): void {
    this.#clearStatus();
    this.#print(message);
  }

  /** Seconds since the command started. */
  get elapsed(): number {
    return (performance.now() - this.#started) / 1000;
  }

  #counter(): string {
    const seconds = (performance.now() - this.#stageStarted) / 1000;
    const left = this.#weightDone > 0
      ? seconds / this.#weightDone * (this.#weightTotal - this.#weightDone)
      : NaN;
    const eta = Number.isFinite(left) && this.#done < this.#total
      ? `, ~${formatSeconds(left)} left`
      : "";
    return `[${this.#done}/${this.#total}, ${formatSeconds(seconds)}${eta}]`;
  }

  #status(text: string): void {
    if (this.#quiet) return;
    const width = 120;
    const safe = terminalSafe(text);
    const shown = safe.length > width ? safe.slice(0, width - 1) + "…" : safe;
    Deno.stderr.writeSync(new TextEncoder().encode(`\r\x1b[2K${shown}`));
    this.#statusShown = true;
  }

  #clearStatus(): void {
    if (this.#quiet || !this.#statusShown) return;
    Deno.stderr.writeSync(new TextEncoder().encode("\r\x1b[2K"));
    this.#statusShown = false;
  }

  #print(text: string): void {
    if (!this.#quiet) printErr(text);
  }
}

/** `42 s` or `3 min 05 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, "0")} s`;
}
