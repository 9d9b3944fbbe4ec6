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
