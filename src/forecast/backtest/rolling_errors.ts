/**
 * The errors of a series' latest ended windows, kept sorted step by step as the backtest moves
 * on: each new window adds one error per step and the oldest one leaves, so a window's intervals
 * read sorted pools without sorting them again (sorting was a tenth of a planning backtest).
 * @module
 */

/** Ascending per horizon step (NaN last, as a typed array sorts), at most `capacity` each. */
export class RollingErrors {
  readonly #sorted: Float64Array[];
  #count = 0;

  /** Pools for `steps` horizon steps of up to `capacity` errors each. */
  constructor(steps: number, readonly capacity: number) {
    this.#sorted = Array.from({ length: steps }, () => new Float64Array(capacity));
  }

  /** Errors per step. */
  get size(): number {
    return this.#count;
  }

  /** Adds one window's errors (`row[h]` at step h); the pools must have room. */
  add(row: Float64Array): void {
    if (this.#count >= this.capacity) throw new RangeError("RollingErrors: full");
    for (let h = 0; h < this.#sorted.length; h++) {
      const pool = this.#sorted[h];
      const value = row[h];
      let k = this.#count;
      while (k > 0 && before(value, pool[k - 1])) (pool[k] = pool[k - 1], k--);
      pool[k] = value;
    }
    this.#count++;
  }

  /** Removes one window's errors (a row added before). */
  remove(row: Float64Array): void {
    for (let h = 0; h < this.#sorted.length; h++) {
      const pool = this.#sorted[h];
      let k = 0;
      while (k < this.#count && !Object.is(pool[k], row[h])) k++;
      if (k === this.#count) throw new RangeError("RollingErrors: no such error");
      pool.copyWithin(k, k + 1, this.#count);
    }
    this.#count--;
  }

  /** The sorted pools, one view per step (valid until the next add or remove). */
  pools(): Float64Array[] {
    return this.#sorted.map((pool) => pool.subarray(0, this.#count));
  }
}

/** Whether `a` sorts before `b` in a typed array's order (NaN last). */
function before(a: number, b: number): boolean {
  return a < b || (b !== b && a === a);
}
