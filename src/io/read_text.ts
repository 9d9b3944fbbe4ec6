/**
 * Reads a text file the way users hand them to us: plain or gzip-compressed (recognised by its
 * magic bytes, whatever the name), with or without a UTF-8 byte-order mark, from a regular file,
 * a named pipe or a process substitution (`--data <(…)`). The file is read once, as a stream:
 * the SHA-256 fingerprint comes from the same bytes as the text, gzip is decompressed as it
 * arrives, and at most {@link MAX_INPUT_BYTES} of text are accepted, so a gzip bomb is a
 * one-line error long before memory runs out.
 * @module
 */

import { createHash } from "node:crypto";
import { InputError } from "./errors.ts";

/**
 * Most bytes of text (after decompression) an input may hold: 2 GiB, enough for the daily CSV
 * of 50,000 products × 3 years (about 1.3 GB) or some 20 million order lines.
 */
export const MAX_INPUT_BYTES = 2 * 1024 ** 3;

/** What reading a file gave besides its text. */
export interface ReadReport {
  /** SHA-256 (hex) of the file's bytes as stored (compressed bytes for a gzip file). */
  sha256: string;
  /** Bytes read from the file. */
  bytes: number;
  /** Whether the path is a regular file (false for pipes and process substitutions). */
  regularFile: boolean;
}

/** Options of {@link streamText}. */
export interface StreamTextOptions {
  /** What to do when the file is missing. @default "check the path" */
  hint?: string;
  /** Most bytes of text accepted. @default MAX_INPUT_BYTES */
  maxBytes?: number;
}

/**
 * Streams `path` as UTF-8 text, calling `onText` with each piece in order (pieces end anywhere,
 * not at line breaks). A missing file, a directory, bad gzip, bytes that are not UTF-8 and text
 * over the limit become an {@link InputError} naming the file. An error thrown by `onText` stops
 * the reading and is passed on.
 */
export async function streamText(
  path: string,
  onText: (text: string) => void,
  options: StreamTextOptions = {},
): Promise<ReadReport> {
  const limit = options.maxBytes ?? MAX_INPUT_BYTES;
  const { readable, regularFile } = await openInput(path, options.hint ?? "check the path");
  const hash = createHash("sha256");
  const reader = readable.getReader();
  let bytes = 0;
  let sink: ((chunk: Uint8Array) => Promise<void>) | undefined;
  let finish: (() => Promise<void>) | undefined;
  try {
    for (;;) {
      const { done, value } = await readChunk(reader, path);
      if (done) break;
      hash.update(value);
      bytes += value.length;
      if (!sink) ({ sink, finish } = textSink(value, path, limit, onText));
      await sink(value);
    }
    if (!finish) ({ finish } = textSink(new Uint8Array(), path, limit, onText));
    await finish();
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { sha256: hash.digest("hex"), bytes, regularFile };
}

/** Reads `path` whole as text (see {@link streamText}); for inputs that are small by nature. */
export async function readText(path: string, hint = "check the path"): Promise<string> {
  const parts: string[] = [];
  await streamText(path, (text) => parts.push(text), { hint });
  return parts.join("");
}

/** Paths that name standard input: `-`, and the ones Deno would let only `-A` open. */
const STDIN_PATHS = new Set(["-", "/dev/stdin", "/proc/self/fd/0", "/dev/fd/0"]);

async function openInput(
  path: string,
  hint: string,
): Promise<{ readable: ReadableStream<Uint8Array>; regularFile: boolean }> {
  if (STDIN_PATHS.has(path)) return { readable: Deno.stdin.readable, regularFile: false };
  const file = await openFile(path, hint);
  return { readable: file.readable, regularFile: (await file.stat()).isFile };
}

async function openFile(path: string, hint: string): Promise<Deno.FsFile> {
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) {
      throw new InputError("is a directory, not a file; name a CSV file", { file: path });
    }
    return await Deno.open(path, { read: true });
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`file not found; ${hint}`, { file: path });
    }
    if (error instanceof Deno.errors.PermissionDenied) {
      throw new InputError("cannot be read (permission denied)", { file: path });
    }
    throw new InputError(`cannot be read (${firstLine(error)})`, { file: path });
  }
}

async function readChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  path: string,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (error) {
    throw new InputError(`cannot be read (${firstLine(error)})`, { file: path });
  }
}

/**
 * Where the file's bytes go: straight to the UTF-8 decoder, or through gunzip first when the
 * first bytes are gzip's magic number. Text beyond `limit` bytes is an error.
 */
function textSink(
  first: Uint8Array,
  path: string,
  limit: number,
  onText: (text: string) => void,
) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let textBytes = 0;
  const decode = (chunk: Uint8Array, stream: boolean) => {
    textBytes += chunk.length;
    if (textBytes > limit) {
      throw new InputError(
        `holds more than ${formatBytes(limit)} of text${gzipped ? " once decompressed" : ""}, ` +
          "the most an input may hold; split it into smaller files (e.g. by product)",
        { file: path },
      );
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream });
    } catch {
      throw new InputError("is not UTF-8 text; save it as UTF-8 CSV", { file: path });
    }
    if (text !== "") onText(text);
  };
  const gzipped = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  if (!gzipped) {
    return {
      sink: (chunk: Uint8Array) => Promise.resolve(decode(chunk, true)),
      finish: () => Promise.resolve(decode(new Uint8Array(), false)),
    };
  }
  const gunzip = new DecompressionStream("gzip");
  const writer = gunzip.writable.getWriter();
  const out = gunzip.readable.getReader();
  const badGzip = () =>
    new InputError("is not a valid gzip file; recompress it or pass the plain CSV", {
      file: path,
    });
  // Drains decompressed text while bytes are written in (gunzip applies back-pressure).
  const drained = (async () => {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await out.read();
      } catch {
        throw badGzip();
      }
      if (result.done) return;
      decode(result.value, true);
    }
  })();
  drained.catch(() => {});
  const written = (promise: Promise<void>) =>
    Promise.race([promise.catch(() => drained.then(() => Promise.reject(badGzip()))), drained]);
  return {
    sink: async (chunk: Uint8Array) => {
      await written(writer.write(chunk as Uint8Array<ArrayBuffer>));
    },
    finish: async () => {
      await written(writer.close());
      await drained;
      decode(new Uint8Array(), false);
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}

function formatBytes(bytes: number): string {
  return bytes % 1024 ** 3 === 0 ? `${bytes / 1024 ** 3} GiB` : `${bytes.toLocaleString()} bytes`;
}
