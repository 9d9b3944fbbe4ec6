import { removeLeftovers } from "../../src/forecast/store/leftovers.ts";
import { modelDir } from "../../src/forecast/store/paths.ts";
import { acquireLock, releaseLock } from "../../src/io/lock.ts";
import { assertEquals } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { exists, job, run } from "./store_fixtures.ts";

Deno.test("leftovers of dead saves are removed; a live save's, older fresh ones and foreign names stay", async () => {
  const dir = await tempDir();
  try {
    const model = modelDir(dir.path, "P/1", "sales", "lstm");
    const parent = model.slice(0, model.lastIndexOf("/"));
    await Deno.mkdir(parent, { recursive: true });
    const temp = async (name: string, ageHours = 0) => {
      const path = `${parent}/${name}`;
      await Deno.mkdir(path);
      await Deno.writeTextFile(`${path}/weights.bin`, "partial");
      const then = new Date(Date.now() - ageHours * 3600_000);
      await Deno.utime(path, then, then);
      return path;
    };
    // A save in progress holds the lock of its model directory.
    const live = `${parent}/lstm@2024-01-01`;
    await acquireLock(live, "train");
    try {
      const gone = [
        await temp("lstm.returncast-tmp-0123456789ab"), // a dead run's (no lock held)
        await temp("lstm@2023-05-01.returncast-del-0123456789ab"),
      ];
      const older = await temp("lstm.tmp-old00003", 2); // an earlier version's, 2 h old
      const kept = [
        await temp("lstm@2024-01-01.returncast-tmp-0123456789ab"), // the live save's
        await temp("lstm.tmp-new00002", 0), // an earlier version's, just made
        await temp("lstm-seed.returncast-tmp-0123456789ab"), // another model's
        await temp("notes.returncast-tmp-0123456789ab"), // not the store's naming
      ];
      await Deno.mkdir(model);
      const stray = `${model}/metadata.json.tmp-1a2b3c4d`;
      await Deno.writeTextFile(stray, "{}");
      const old = new Date(Date.now() - 2 * 3600_000);
      await Deno.utime(stray, old, old);

      const removed = await removeLeftovers(model, "lstm");
      assertEquals(removed.sort(), [older, stray].sort());
      assertEquals(gone.map(exists), gone.map(() => false));
      assertEquals(kept.map(exists), kept.map(() => true));
      // A model run clears them too (here: a dead one next to a model being trained).
      await Deno.remove(model, { recursive: true });
      const again = await temp("lstm.returncast-tmp-00000000cafe");
      await run(job(dir.path, "reuse"));
      assertEquals(exists(again), false);
    } finally {
      await releaseLock(live);
    }
  } finally {
    await dir.cleanup();
  }
});
