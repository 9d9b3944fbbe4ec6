/**
 * Writes files so that nothing is ever half-written: the content goes to a temporary file in the
 * same directory, which is then renamed over the target. An interrupted run leaves the previous
 * file intact.
 * @module
 */

import { dirname } from "node:path";

/** Writes `content` to `path` atomically, creating the parent directory when needed. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await Deno.mkdir(dir, { recursive: true });
  const temp = `${path}.tmp-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    if (typeof content === "string") await Deno.writeTextFile(temp, content);
    else await Deno.writeFile(temp, content);
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}
