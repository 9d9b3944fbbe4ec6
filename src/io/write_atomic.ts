/**
 * Writes files so that nothing is ever half-written: the content goes to a temporary file in the
 * same directory, which is then renamed over the target. An interrupted run leaves the previous
 * file intact.
 * @module
 */

import { dirname } from "node:path";

/**
 * File content: text, bytes, text in chunks written one after the other (made as written), or
 * such chunks gzip-compressed as they are written.
 */
export type FileContent = string | Uint8Array | Iterable<string> | GzipContent;

/** Text chunks written gzip-compressed (see {@link gzipped}). */
export interface GzipContent {
  /** The text, chunk by chunk; made afresh at each write. */
  readonly gzip: () => Iterable<string>;
}

/** Content written as gzip: the same text gives the same bytes, however it is chunked. */
export function gzipped(chunks: () => Iterable<string>): GzipContent {
  return { gzip: chunks };
}

/** Writes `content` to `path` (chunks streamed one after the other, so no one string holds them all). */
export async function writeContent(path: string, content: FileContent): Promise<void> {
  if (typeof content === "string") return await Deno.writeTextFile(path, content);
  if (content instanceof Uint8Array) return await Deno.writeFile(path, content);
  if ("gzip" in content) {
    const blocks = ReadableStream.from(fixedBlocks(content.gzip()));
    return await Deno.writeFile(path, blocks.pipeThrough(new CompressionStream("gzip")));
  }
  await Deno.writeTextFile(path, ReadableStream.from(content));
}

/** Bytes of a gzip block: the compressor flushes at each block, so blocks are of fixed size. */
const GZIP_BLOCK = 1 << 20;

/** The UTF-8 bytes of `chunks` in blocks of {@link GZIP_BLOCK} (the last one shorter). */
function* fixedBlocks(chunks: Iterable<string>): Generator<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  let block = new Uint8Array(GZIP_BLOCK);
  let used = 0;
  for (const chunk of chunks) {
    let bytes: Uint8Array = encoder.encode(chunk);
    while (bytes.length > 0) {
      const n = Math.min(GZIP_BLOCK - used, bytes.length);
      block.set(bytes.subarray(0, n), used);
      used += n;
      bytes = bytes.subarray(n);
      if (used === GZIP_BLOCK) {
        yield block;
        block = new Uint8Array(GZIP_BLOCK);
        used = 0;
      }
    }
  }
  if (used > 0) yield block.subarray(0, used);
}

/** The temporary name a write of `path` uses: `PATH.returncast-tmp-` and a 12-digit ID. */
export function tempFileName(path: string): string {
  return `${path}.returncast-tmp-${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

/** Whether a file name is one of {@link tempFileName}'s for `base`. */
export function isTempFileOf(name: string, base: string): boolean {
  return name.startsWith(`${base}.returncast-tmp-`) &&
    /^[0-9a-f]{12}$/.test(name.slice(base.length + ".returncast-tmp-".length));
}

/** Writes `content` to `path` atomically, creating the parent directory when needed. */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  const dir = dirname(path);
  await Deno.mkdir(dir, { recursive: true });
  const temp = tempFileName(path);
  try {
    await writeContent(temp, content);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}
