/**
 * Writes a set of output files into a directory as one atomic replacement (see
 * `write_dir_atomic.ts`): a failed run leaves the previous outputs intact.
 * @module
 */

import { join } from "node:path";
import { writeDirectoryAtomic } from "./write_dir_atomic.ts";
import { type FileContent, writeContent } from "./write_atomic.ts";

/** Writes `files` (name → content) as the whole content of `dir`; `more` may add files. */
export async function writeFiles(
  dir: string,
  files: ReadonlyMap<string, FileContent>,
  more?: (temp: string) => Promise<void>,
): Promise<void> {
  await writeDirectoryAtomic(dir, async (temp) => {
    for (const [name, content] of files) await writeContent(join(temp, name), content);
    await more?.(temp);
  });
}
