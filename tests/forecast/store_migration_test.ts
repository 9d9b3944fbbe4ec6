import type { ForecastOutcome, GlobalForecastJob } from "../../src/forecast/jobs.ts";
import { runJob } from "../../src/forecast/jobs.ts";
import { globalModelDir } from "../../src/forecast/store/obtain.ts";
import { sha256Hex } from "../../src/forecast/store/fingerprint.ts";
import { modelDir, productDirName, safeName } from "../../src/forecast/store/paths.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { contextFor, weeklySeries } from "./series_fixtures.ts";
import {
  editMetadata,
  exists,
  job,
  makeLegacy,
  readMetadata,
  run,
  withStderr,
} from "./store_fixtures.ts";

Deno.test("old-layout models are moved to the hashed layout when they verify, the rest removed", async () => {
  const dir = await tempDir();
  try {
    const root = dir.path;
    await run(job(root, "reuse"));
    await makeLegacy(root, "P/1", "lstm");
    // A variant whose old-store swap was interrupted between its renames: the backup is it.
    const variant = await makeLegacy(root, "P/1", "lstm@2023-05-01");
    await Deno.rename(variant, `${variant}.old-1a2b3c4d`);
    const damaged = await makeLegacy(root, "P/1", "lstm-seed");
    const weights = await Deno.readFile(`${damaged}/weights.bin`);
    await Deno.writeFile(`${damaged}/weights.bin`, weights.subarray(1));
    const leftover = `${root}/${safeName("P/1")}/sales/lstm.tmp-0ld5a7e0`; // an old store's dead save
    await Deno.mkdir(leftover);
    await Deno.utime(leftover, new Date(0), new Date(0));
    await Deno.remove(`${root}/${productDirName("P/1")}`, { recursive: true });

    const { value, lines } = await withStderr(() => run(job(root, "reuse")));
    assertEquals(value.source, "loaded", "the moved model is used");
    const to = `${root}/${productDirName("P/1")}/sales`;
    assertEquals(lines, [
      `saved models in ${root}/${safeName("P/1")}/sales (old layout): moved 2 (lstm, ` +
      `lstm@2023-05-01) to ${to}; removed 1 to be retrained (lstm-seed is damaged (weights.bin ` +
      `checksum))`,
    ]);
    assert(!exists(`${root}/${safeName("P/1")}`), "nothing is left behind in the old layout");
    for (const name of ["lstm", "lstm@2023-05-01"]) {
      assert(exists(`${to}/${name}/checksums.json`), `${name} has checksums`);
      const metadata = await readMetadata(`${to}/${name}`);
      assertEquals(metadata.format, 3);
      assert(!("weightsSha256" in metadata));
    }
    assert(!exists(`${to}/lstm-seed`));
    const again = await withStderr(() => run(job(root, "reuse")));
    assertEquals([again.value.source, again.lines.length], ["loaded", 0]);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("an old-layout copy of a model the new layout holds is removed", async () => {
  const dir = await tempDir();
  try {
    const root = dir.path;
    await run(job(root, "reuse"));
    const legacy = await makeLegacy(root, "P/1", "lstm");
    const { value, lines } = await withStderr(() => run(job(root, "reuse")));
    assertEquals(value.source, "loaded");
    assertEquals(lines, [
      `saved models in ${root}/P.2f1/sales (old layout): removed 1 (lstm) held in ` +
      `${root}/${productDirName("P/1")}/sales already`,
    ]);
    assert(!exists(legacy) && !exists(`${root}/P.2f1`));
  } finally {
    await dir.cleanup();
  }
});

Deno.test("an old-layout model whose metadata names another product is retrained and removed", async () => {
  const dir = await tempDir();
  try {
    const root = dir.path;
    await run(job(root, "reuse", "A"));
    const legacy = await makeLegacy(root, "B", "lstm", modelDir(root, "A", "sales", "lstm"));
    const { value, lines } = await withStderr(() => run(job(root, "reuse", "B")));
    assertEquals(value.source, "trained");
    assertEquals(lines, [
      `saved models in ${root}/B/sales (old layout): removed 1 to be retrained (lstm belongs to ` +
      `product "A", not "B")`,
    ]);
    assert(!exists(legacy) && !exists(`${root}/B`));
    assertEquals((await readMetadata(modelDir(root, "B", "sales", "lstm"))).productId, "B");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("train (retrain mode) replaces an old-layout model and removes it", async () => {
  const dir = await tempDir();
  try {
    const root = dir.path;
    await run(job(root, "reuse"));
    const legacy = await makeLegacy(root, "P/1", "lstm");
    await Deno.remove(`${root}/${productDirName("P/1")}`, { recursive: true });
    const { value, lines } = await withStderr(() => run(job(root, "retrain")));
    assertEquals(value.source, "trained");
    assertEquals(lines.length, 1);
    assert(lines[0].startsWith(`saved models in ${root}/P.2f1/sales (old layout): moved 1`));
    assert(!exists(legacy) && !exists(`${root}/P.2f1`));
    assertEquals((await run(job(root, "reuse"))).source, "loaded");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a global model saved in format 2 is upgraded in place and used", async () => {
  const dir = await tempDir();
  try {
    const histories = ["A", "B"].map((id, k) =>
      contextFor("sales", weeklySeries(140, 30 + 10 * k, k + 1), undefined, id)
    );
    const global: GlobalForecastJob = {
      kind: "forecast-global",
      model: "lstm-global",
      histories,
      horizon: 14,
      seed: 3,
      store: { root: dir.path, mode: "reuse" },
      epochs: 2,
      trainOnly: true,
    };
    await runJob(global);
    const saved = globalModelDir(dir.path, "sales", "lstm-global");
    const weightsSha256 = await sha256Hex(await Deno.readFile(`${saved}/weights.bin`));
    await editMetadata(saved, (m) => Object.assign(m, { format: 2, weightsSha256 }));
    await Deno.remove(`${saved}/checksums.json`);
    const { value, lines } = await withStderr(() =>
      runJob({ ...global, trainOnly: false }) as Promise<ForecastOutcome[]>
    );
    assert(value.every((o) => o.source === "loaded"), "the upgraded model is used");
    assertEquals(lines, [`saved model ${saved} (format 2) upgraded: checksums added`]);
    assertEquals((await readMetadata(saved)).format, 3);
  } finally {
    await dir.cleanup();
  }
});
