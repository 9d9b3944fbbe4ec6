/**
 * The byte layer of the explorer's per-product records: arrays of decimal numbers as fixed-point
 * integers, each array delta- and zigzag-coded as LEB128 varints with the fewest decimals that
 * keep every value exact; base64 for the page. Browser-safe: the server encodes with the same
 * file the page decodes with.
 * @module
 */

/**
 * The fewest decimals (0 to `max`) at which every value is exactly `round(v · 10^d) / 10^d`: 0
 * for whole units, 3 for published forecasts. Values finer than `max` are rounded to `max`.
 *
 * @example
 * ```ts
 * import { exactDigits } from "./bytes.ts";
 * exactDigits([1, 2.5, 3.25], 3); // 2
 * ```
 */
export function exactDigits(values: ArrayLike<number>, max: number): number {
  let digits = 0;
  for (let i = 0; i < values.length && digits < max; i++) {
    while (digits < max && fixed(values[i], digits) !== values[i]) digits++;
  }
  return digits;
}

/** `value` rounded to `digits` decimals, computed as the decoder computes it. */
export function fixed(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Writes varints into a growing buffer. */
export class ByteWriter {
  #bytes = new Uint8Array(1024);
  #length = 0;

  /** One byte. */
  push(byte: number): void {
    if (this.#length === this.#bytes.length) {
      const grown = new Uint8Array(this.#bytes.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes[this.#length++] = byte;
  }

  /** An unsigned integer (up to 2^53) as LEB128. */
  varint(value: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) {
      throw new RangeError(`Cannot encode ${value}: a varint must be a safe integer ≥ 0`);
    }
    while (value >= 0x80) {
      this.push((value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.push(value);
  }

  /** A signed integer, zigzag-coded. */
  signed(value: number): void {
    this.varint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  /** An array of integers: its length, then the zigzag-coded deltas of its values. */
  integers(values: ArrayLike<number>): void {
    this.varint(values.length);
    let previous = 0;
    for (let i = 0; i < values.length; i++) {
      this.signed(values[i] - previous);
      previous = values[i];
    }
  }

  /**
   * An array of numbers: its decimals (the fewest that keep it exact, at most `maxDigits`, and
   * few enough that the fixed-point deltas stay safe integers), then its fixed-point values as
   * {@link integers}.
   */
  numbers(values: ArrayLike<number>, maxDigits: number): void {
    let largest = 0;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new RangeError(`Cannot encode ${values[i]}: every number must be finite`);
      }
      largest = Math.max(largest, Math.abs(values[i]));
    }
    let digits = exactDigits(values, maxDigits);
    while (digits > 0 && largest * 10 ** digits >= 2 ** 50) digits--;
    const scale = 10 ** digits;
    this.varint(digits);
    this.integers(Array.from(values, (v) => Math.round(v * scale)));
  }

  /** An array of doubles, exactly: its length, then 8 bytes (little-endian IEEE 754) each. */
  floats(values: ArrayLike<number>): void {
    this.varint(values.length);
    const bytes = new Uint8Array(8);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) {
      view.setFloat64(0, values[i], true);
      for (const byte of bytes) this.push(byte);
    }
  }

  /** The bytes written. */
  bytes(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}

/** Reads what {@link ByteWriter} wrote. */
export class ByteReader {
  #offset = 0;
  constructor(readonly data: Uint8Array) {}

  /** An unsigned varint. */
  varint(): number {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = this.data[this.#offset++];
      if (byte === undefined) throw new SyntaxError("Cannot decode explorer record: truncated");
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 0x80;
    }
  }

  /** A zigzag-coded signed varint. */
  signed(): number {
    const v = this.varint();
    return v % 2 === 1 ? -(v + 1) / 2 : v / 2;
  }

  /** An array written by {@link ByteWriter.integers}. */
  integers(): number[] {
    const n = this.varint();
    const out = new Array<number>(n);
    let q = 0;
    for (let i = 0; i < n; i++) out[i] = q += this.signed();
    return out;
  }

  /** An array written by {@link ByteWriter.numbers}: the very numbers that were written. */
  numbers(): number[] {
    const scale = 10 ** this.varint();
    return this.integers().map((q) => q / scale);
  }

  /** An array written by {@link ByteWriter.floats}: the very doubles. */
  floats(): number[] {
    const n = this.varint();
    if (this.#offset + 8 * n > this.data.length) {
      throw new SyntaxError("Cannot decode explorer record: truncated");
    }
    const view = new DataView(this.data.buffer, this.data.byteOffset + this.#offset, 8 * n);
    this.#offset += 8 * n;
    return Array.from({ length: n }, (_, i) => view.getFloat64(8 * i, true));
  }

  /** Whether every byte was read. */
  get done(): boolean {
    return this.#offset === this.data.length;
  }
}

/** Standard base64 of bytes (chunked, so large inputs do not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/** Inverse of {@link toBase64}. */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
