/**
 * Writes files so that nothing is ever half-written: the content goes to a temporary file in the
 * same directory, which is then renamed over the target. An interrupted run leaves the previous
 * file intact.
 * @module
 */

import { dirname } from "node:path";

/** File content: text, bytes, or text in chunks written one after the other (made as written). */
export type FileContent = string | Uint8Array | Iterable<string>;

/** Writes `content` to `path` (chunks streamed one after the other, so no one string holds them all). */
export async function writeContent(path: string, content: FileContent): Promise<void> {
  if (typeof content === "string") return await Deno.writeTextFile(path, content);
  if (content instanceof Uint8Array) return await Deno.writeFile(path, content);
  await Deno.writeTextFile(path, ReadableStream.from(content));
}

/** Writes `content` to `path` atomically, creating the parent directory when needed. */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  const dir = dirname(path);
  await Deno.mkdir(dir, { recursive: true });
  const temp = `${path}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await writeContent(temp, content);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}
