/**
 * Test helper (not a test): swaps the directory named by the first argument in and out
 * forever, each generation a set of 20 files that all name it. The swap test kills this process
 * with SIGKILL at random moments.
 */
import { join } from "node:path";
import { writeDirectoryAtomic } from "../../src/io/write_dir_atomic.ts";

const dir = Deno.args[0];
for (let generation = 0;; generation++) {
  await writeDirectoryAtomic(dir, async (temp) => {
    for (let i = 0; i < 20; i++) {
      await Deno.writeTextFile(join(temp, `f${i}.txt`), `generation ${generation}\n`);
    }
  }, { command: "swap-test" });
}
