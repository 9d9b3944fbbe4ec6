import { removeLeftovers, WRITER_FILE } from "../../src/forecast/store/leftovers.ts";
import { modelDir } from "../../src/forecast/store/paths.ts";
import { assertEquals } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { exists, job, run } from "./store_fixtures.ts";

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = new Deno.Command("true").spawn();
  await child.status;
  return child.pid;
}

Deno.test("leftovers of saves whose process is gone are removed; live or foreign ones stay", async () => {
  const dir = await tempDir();
  try {
    const model = modelDir(dir.path, "P/1", "sales", "lstm");
    const parent = model.slice(0, model.lastIndexOf("/"));
    await Deno.mkdir(parent, { recursive: true });
    const temp = async (name: string, pid?: number, ageHours = 0) => {
      const path = `${parent}/${name}`;
      await Deno.mkdir(path);
      await Deno.writeTextFile(`${path}/weights.bin`, "partial");
      if (pid !== undefined) await Deno.writeTextFile(`${path}/${WRITER_FILE}`, `${pid}\n`);
      const then = new Date(Date.now() - ageHours * 3600_000);
      await Deno.utime(path, then, then);
      return path;
    };
    const dead = await deadPid();
    const gone = [
      await temp("lstm.tmp-dead0001", dead),
      await temp("lstm@2023-05-01.tmp-dead0002", dead),
      await temp("lstm.tmp-old00003", undefined, 2), // unmarked (an earlier version), 2 h old
    ];
    const kept = [
      await temp("lstm.tmp-live0001", Deno.pid), // a save in progress
      await temp("lstm.tmp-new00002", undefined, 0), // unmarked but just made
      await temp("lstm-seed.tmp-dead0003", dead), // another model's (its own slot clears it)
      await temp("notes.tmp-dead0004", dead), // not the store's naming
    ];
    await Deno.mkdir(model);
    const stray = `${model}/metadata.json.tmp-1a2b3c4d`;
    await Deno.writeTextFile(stray, "{}");
    const old = new Date(Date.now() - 2 * 3600_000);
    await Deno.utime(stray, old, old);

    const removed = await removeLeftovers(model, "lstm");
    assertEquals(removed.sort(), [...gone, stray].sort());
    assertEquals(kept.map(exists), kept.map(() => true));
    // A model run clears them too (here: the dead one next to a model being trained).
    await Deno.remove(model, { recursive: true });
    const again = await temp("lstm.tmp-dead0005", dead);
    await run(job(dir.path, "reuse"));
    assertEquals(exists(again), false);
  } finally {
    await dir.cleanup();
  }
});
