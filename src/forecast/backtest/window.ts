/**
 * A backtest window, and windows kept compactly: a large backtest holds millions of windows
 * (1,000 products × 2 targets × 11 models × 55 windows is 1.2 million), and six typed arrays per
 * window cost more than their numbers. A packed window keeps an offset into one block of numbers per series (its
 * forecast, bounds and actuals) and makes the arrays, as views of the block, when they are read.
 *
 * Views are made on every read, so code that reads a window's arrays in a loop reads them once
 * first (`const { forecast, actual } = window`). A packed window does not survive `postMessage`
 * (its fields are private): workers post plain windows ({@link packWindows}) and the main thread
 * compacts them ({@link compactWindows}).
 * @module
 */

import type { Forecast } from "../types.ts";
import type { NaiveScales } from "../metrics.ts";
import { memoryBlock, type NumberBlock, type SpillFile } from "./spill.ts";

/** One backtest window of one series and model. */
export interface BacktestWindow {
  /** Last day of the training data (day number). */
  cutoff: number;
  /** The forecast made at the cutoff. */
  forecast: Forecast;
  /** What happened over the horizon. */
  actual: Float64Array;
  /** 1 on open days, 0 on closed days (absent: all open). Closed days are not scored. */
  open?: Uint8Array;
  /** Scale of the in-sample weekly seasonal-naive errors up to the cutoff. */
  scales: NaiveScales;
}

/** The arrays of a window, in block order. */
function arraysOf(w: BacktestWindow): Float64Array[] {
  const { mean, lo80, hi80, lo95, hi95 } = w.forecast;
  return [mean, lo80, hi80, lo95, hi95, w.actual];
}

/** Array `k` (in {@link arraysOf} order) of the window of `days` days at `at` in a block. */
function viewOf(numbers: Float64Array, at: number, days: number, k: number): Float64Array {
  return numbers.subarray(at + k * days, at + (k + 1) * days);
}

/** Copies the windows' numbers into one block, their open days into another. */
function blocks(windows: readonly BacktestWindow[]) {
  const size = windows.reduce((n, w) => n + 6 * w.actual.length, 0);
  const numbers = new Float64Array(size);
  const open = new Uint8Array(windows.reduce((n, w) => n + (w.open?.length ?? 0), 0));
  let at = 0;
  let openAt = 0;
  const offsets = windows.map((w) => {
    const start = at;
    for (const values of arraysOf(w)) {
      if (values.length !== w.actual.length) {
        throw new RangeError(
          `Cannot pack a backtest window: ${values.length} forecast days for ${w.actual.length} actual`,
        );
      }
      numbers.set(values, at);
      at += values.length;
    }
    const mask = w.open;
    if (!mask) return { start, open: -1 };
    if (mask.length !== w.actual.length) {
      throw new RangeError(
        `Cannot pack a backtest window: ${mask.length} open days for ${w.actual.length} actual`,
      );
    }
    open.set(mask, openAt);
    openAt += mask.length;
    return { start, open: openAt - mask.length };
  });
  return { numbers, open, offsets };
}

/**
 * The windows with all their numbers in one buffer (and their open days in another), as plain
 * objects with views: what a worker posts (two buffers per series instead of thousands).
 */
export function packWindows(windows: readonly BacktestWindow[]): BacktestWindow[] {
  const { numbers, open, offsets } = blocks(windows);
  return windows.map((w, i) => {
    const days = w.actual.length;
    const view = (k: number) => viewOf(numbers, offsets[i].start, days, k);
    const packed: BacktestWindow = {
      cutoff: w.cutoff,
      forecast: { mean: view(0), lo80: view(1), hi80: view(2), lo95: view(3), hi95: view(4) },
      actual: view(5),
      scales: w.scales,
    };
    if (offsets[i].open >= 0) packed.open = open.subarray(offsets[i].open, offsets[i].open + days);
    return packed;
  });
}

/** A window whose numbers live in a block shared with the other windows of its series. */
class PackedWindow implements BacktestWindow {
  readonly cutoff: number;
  readonly scales: NaiveScales;
  readonly #block: NumberBlock;
  readonly #at: number;
  readonly #days: number;
  readonly #openBlock: Uint8Array;
  readonly #openAt: number;

  constructor(
    cutoff: number,
    scales: NaiveScales,
    block: NumberBlock,
    at: number,
    days: number,
    openBlock: Uint8Array,
    openAt: number,
  ) {
    this.cutoff = cutoff;
    this.scales = scales;
    this.#block = block;
    this.#at = at;
    this.#days = days;
    this.#openBlock = openBlock;
    this.#openAt = openAt;
  }

  #view(k: number, numbers = this.#block.numbers()): Float64Array {
    return viewOf(numbers, this.#at, this.#days, k);
  }

  /** The series' block, which {@link updateWindowNumbers} changes. */
  get block(): NumberBlock {
    return this.#block;
  }

  /** The forecast made at the cutoff (views of the block: change it with {@link updateWindowNumbers}). */
  get forecast(): Forecast {
    const numbers = this.#block.numbers();
    return {
      mean: this.#view(0, numbers),
      lo80: this.#view(1, numbers),
      hi80: this.#view(2, numbers),
      lo95: this.#view(3, numbers),
      hi95: this.#view(4, numbers),
    };
  }

  /** What happened over the horizon. */
  get actual(): Float64Array {
    return this.#view(5);
  }

  /** 1 on open days, 0 on closed days (absent: all open). */
  get open(): Uint8Array | undefined {
    if (this.#openAt < 0) return undefined;
    return this.#openBlock.subarray(this.#openAt, this.#openAt + this.#days);
  }

  /** The plain window, for JSON (getters are not serialised). */
  toJSON(): BacktestWindow {
    const open = this.open;
    return {
      cutoff: this.cutoff,
      forecast: this.forecast,
      actual: this.actual,
      ...(open ? { open } : {}),
      scales: this.scales,
    };
  }
}

/**
 * One scales object per series and cutoff: every model of a product and target is scored against
 * the same in-sample naive errors at a cutoff, and a large backtest holds millions of windows
 * (each posted from a worker with a copy of its own).
 */
export class SharedScales {
  readonly #bySeries = new Map<string, Map<number, NaiveScales>>();

  /**
   * The scales held for `series` at `cutoff` when they equal `scales`; else `scales` (held when
   * none were).
   */
  of(series: string, cutoff: number, scales: NaiveScales): NaiveScales {
    let byCutoff = this.#bySeries.get(series);
    if (!byCutoff) this.#bySeries.set(series, byCutoff = new Map());
    const held = byCutoff.get(cutoff);
    if (held && held.mae === scales.mae && held.mse === scales.mse) return held;
    if (!held) byCutoff.set(cutoff, scales);
    return scales;
  }
}

/**
 * The windows of one series held compactly (a copy: the windows given are left as they are) —
 * their numbers in one block, in `spill`'s file when given, their scales shared with the other
 * models' windows of the same series through `shared`. The numbers are the same; only how they
 * are held changes.
 */
export function compactWindows(
  windows: readonly BacktestWindow[],
  spill?: SpillFile,
  shared?: { scales: SharedScales; series: string },
): BacktestWindow[] {
  const { numbers, open, offsets } = blocks(windows);
  const block = spill ? spill.hold(numbers) : memoryBlock(numbers);
  return windows.map((w, i) =>
    new PackedWindow(
      w.cutoff,
      shared ? shared.scales.of(shared.series, w.cutoff, w.scales) : w.scales,
      block,
      offsets[i].start,
      w.actual.length,
      open,
      offsets[i].open,
    )
  );
}

/**
 * Changes every number of the windows — their forecasts, bounds and actuals — with `update`
 * (called on one array of numbers at a time, e.g. to round them). Compact windows are changed in
 * their block, whether it is held in memory or in a file.
 */
export function updateWindowNumbers(
  windows: readonly BacktestWindow[],
  update: (numbers: Float64Array) => void,
): void {
  const done = new Set<NumberBlock>();
  for (const w of windows) {
    if (w instanceof PackedWindow) {
      if (done.has(w.block)) continue;
      done.add(w.block);
      const numbers = w.block.numbers();
      update(numbers);
      w.block.store(numbers);
    } else {
      for (const values of arraysOf(w)) update(values);
    }
  }
}
