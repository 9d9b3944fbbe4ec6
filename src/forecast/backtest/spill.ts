/**
 * Blocks of numbers kept in a temporary file instead of in memory, read back on demand: the
 * backtest windows of a large run (0.8 MiB per product at 55 windows) would otherwise hold most
 * of its memory. The file (in `TMPDIR`: on a disk, not a memory-backed tmpfs, for this to save
 * memory) is removed as soon as it is open, so nothing is left behind however the run ends; it is
 * closed once no block of it is reachable and the garbage collector has noticed. The blocks read
 * last are cached, first in first out (a product's models are read together; a pass over every
 * product reads each block once). Where the file cannot be made, or once a write to it fails (a
 * full disk), new blocks stay in memory; a block already in the file that cannot be rewritten or
 * read back is an error.
 * @module
 */

/** Numbers held somewhere: in memory, or in a {@link SpillFile}. */
export interface NumberBlock {
  /** The numbers (a cached copy for a spilled block: write back with {@link NumberBlock.store}). */
  numbers(): Float64Array;
  /** Replaces the numbers (same length). */
  store(numbers: Float64Array): void;
}

/** A block held in memory. */
export function memoryBlock(numbers: Float64Array): NumberBlock {
  let held = numbers;
  return {
    numbers: () => held,
    store: (replacement) => {
      held = replacement;
    },
  };
}

/** Bytes of the blocks kept in the read cache. */
const CACHE_BYTES = 32 * 2 ** 20;

const closeWhenUnreachable = new FinalizationRegistry<Deno.FsFile>((file) => {
  try {
    file.close();
  } catch {
    // closed already
  }
});

/** A temporary file that blocks are appended to. */
export class SpillFile {
  readonly #file: Deno.FsFile | undefined;
  #size = 0;
  readonly #cache = new Map<number, Float64Array>();
  #cachedBytes = 0;
  #full = false;
  #lastAt = -1;
  #last: Float64Array | undefined;

  /**
   * Opens (and at once removes) a temporary file in `dir` (default: the system's, `TMPDIR`);
   * without one, blocks stay in memory.
   */
  constructor(dir?: string) {
    let path: string | undefined;
    let file: Deno.FsFile | undefined;
    try {
      path = Deno.makeTempFileSync({ prefix: "returncast-windows-", ...(dir ? { dir } : {}) });
      file = Deno.openSync(path, { read: true, write: true });
      Deno.removeSync(path);
      closeWhenUnreachable.register(this, file);
      this.#file = file;
    } catch {
      try {
        file?.close();
        if (path) Deno.removeSync(path);
      } catch {
        // gone already
      }
      this.#file = undefined;
    }
  }

  /** Holds `numbers` in the file (in memory, from then on, once the file cannot be written). */
  hold(numbers: Float64Array): NumberBlock {
    if (!this.#file || this.#full || numbers.length === 0) return memoryBlock(numbers);
    const at = this.#size;
    try {
      this.#write(at, numbers);
    } catch {
      this.#full = true;
      return memoryBlock(numbers);
    }
    this.#size += numbers.byteLength;
    const length = numbers.length;
    return {
      numbers: () => this.#read(at, length),
      store: (replacement) => {
        if (replacement.length !== length) throw new RangeError("A block keeps its length");
        this.#write(at, replacement);
        this.#forget(at);
      },
    };
  }

  #forget(at: number): void {
    const old = this.#cache.get(at);
    if (!old) return;
    this.#cache.delete(at);
    this.#cachedBytes -= old.byteLength;
    if (at === this.#lastAt) this.#lastAt = -1;
  }

  #write(at: number, numbers: Float64Array): void {
    const bytes = new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
    this.#file!.seekSync(at, Deno.SeekMode.Start);
    for (let done = 0; done < bytes.length;) done += this.#file!.writeSync(bytes.subarray(done));
  }

  #read(at: number, length: number): Float64Array {
    if (at === this.#lastAt) return this.#last!;
    const cached = this.#cache.get(at);
    if (cached) {
      this.#lastAt = at;
      return this.#last = cached;
    }
    const numbers = new Float64Array(length);
    const bytes = new Uint8Array(numbers.buffer);
    this.#file!.seekSync(at, Deno.SeekMode.Start);
    for (let done = 0; done < bytes.length;) {
      const read = this.#file!.readSync(bytes.subarray(done));
      if (read === null || read === 0) {
        throw new Error("The backtest's temporary file was cut short");
      }
      done += read;
    }
    this.#cache.set(at, numbers); // first in, first out
    this.#cachedBytes += numbers.byteLength;
    this.#lastAt = at;
    this.#last = numbers;
    for (const key of this.#cache.keys()) {
      if (this.#cachedBytes <= CACHE_BYTES || key === at) break;
      this.#forget(key);
    }
    return numbers;
  }
}
