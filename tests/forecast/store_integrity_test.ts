import { recordBacktest } from "../../src/forecast/store/lstm_store.ts";
import { modelDir } from "../../src/forecast/store/paths.ts";
import type { Metrics } from "../../src/forecast/metrics.ts";
import { sha256Hex } from "../../src/forecast/store/fingerprint.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { editMetadata, job, readMetadata, run, withStderr } from "./store_fixtures.ts";

/**
 * Trains a model, lets `edit` change one of its files, and checks the next reuse does not use
 * it: it is retrained with exactly one line naming the model and the file, and the retrained
 * model is intact again (the run after loads it, with the forecast of a fresh training).
 */
async function editedIsRetrained(file: string, edit: (dir: string) => Promise<void>) {
  const dir = await tempDir();
  try {
    const trained = await run(job(dir.path, "reuse"));
    const model = modelDir(dir.path, "P/1", "sales", "lstm");
    await edit(model);
    const { value, lines } = await withStderr(() => run(job(dir.path, "reuse")));
    assertEquals(value.source, "trained", `a model with an edited ${file} is not used`);
    assertEquals(lines, [
      `saved model ${model} was changed since it was saved (${file} checksum); retraining`,
    ]);
    assertEquals(Array.from(value.forecast.mean), Array.from(trained.forecast.mean));
    const again = await withStderr(() => run(job(dir.path, "reuse")));
    assertEquals(again.value.source, "loaded");
    assertEquals(again.lines, []);
  } finally {
    await dir.cleanup();
  }
}

Deno.test("a saved model whose metadata bias was edited is retrained, with a line", async () => {
  await editedIsRetrained("metadata.json", (dir) =>
    editMetadata(dir, (m) => {
      m.members[0].bias *= 3;
      m.state.bias *= 3;
    }));
});

Deno.test("a saved model whose scaler was edited is retrained, with a line", async () => {
  await editedIsRetrained("metadata.json", (dir) =>
    editMetadata(dir, (m) => {
      m.members[0].scalers.target.b *= 2;
    }));
});

Deno.test("a saved model whose model.json was edited is retrained, with a line", async () => {
  await editedIsRetrained("model.json", async (dir) => {
    const text = await Deno.readTextFile(`${dir}/model.json`);
    assert(text.includes(`"recurrent_activation":"hard_sigmoid"`));
    await Deno.writeTextFile(
      `${dir}/model.json`,
      text.replace(`"recurrent_activation":"hard_sigmoid"`, `"recurrent_activation":"sigmoid"`),
    );
  });
});

Deno.test("a saved model whose weights.bin was changed is retrained, with a line", async () => {
  await editedIsRetrained("weights.bin", async (dir) => {
    const weights = await Deno.readFile(`${dir}/weights.bin`);
    weights[40] ^= 0x40; // same length, one weight changed
    await Deno.writeFile(`${dir}/weights.bin`, weights);
  });
});

Deno.test("checksums.json lists the SHA-256 of every file; backtest metrics renew it", async () => {
  const dir = await tempDir();
  try {
    await run(job(dir.path, "reuse"));
    const model = modelDir(dir.path, "P/1", "sales", "lstm");
    const manifest = async () => JSON.parse(await Deno.readTextFile(`${model}/checksums.json`));
    const sha = async (file: string) => await sha256Hex(await Deno.readFile(`${model}/${file}`));
    assertEquals(await manifest(), {
      algorithm: "SHA-256",
      files: {
        "metadata.json": await sha("metadata.json"),
        "model.json": await sha("model.json"),
        "weights.bin": await sha("weights.bin"),
      },
    });
    const metrics = { mae: 1.5, wape: 0.2 } as unknown as Metrics;
    await recordBacktest(model, metrics);
    assertEquals((await readMetadata(model)).backtest, metrics);
    assertEquals((await manifest()).files["metadata.json"], await sha("metadata.json"));
    assertEquals((await run(job(dir.path, "reuse"))).source, "loaded");
    // An edited model is not given fresh checksums by a later backtest record.
    await editMetadata(model, (m) => (m.members[0].bias = 9));
    await recordBacktest(model, { mae: 2 } as unknown as Metrics);
    assertEquals((await readMetadata(model)).backtest, metrics);
    const retrained = await withStderr(() => run(job(dir.path, "reuse")));
    assertEquals(retrained.value.source, "trained");
    assertEquals(retrained.lines.length, 1);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a saved model whose metadata names another product is not used for this one", async () => {
  const dir = await tempDir();
  try {
    await run(job(dir.path, "reuse", "A"));
    const a = modelDir(dir.path, "A", "sales", "lstm");
    const b = modelDir(dir.path, "B", "sales", "lstm");
    await Deno.mkdir(b, { recursive: true });
    for await (const entry of Deno.readDir(a)) {
      await Deno.copyFile(`${a}/${entry.name}`, `${b}/${entry.name}`);
    }
    const { value, lines } = await withStderr(() => run(job(dir.path, "reuse", "B")));
    assertEquals(value.source, "trained");
    assertEquals(lines, [`saved model ${b} belongs to product "A", not "B"; retraining`]);
    assertEquals((await readMetadata(b)).productId, "B");
  } finally {
    await dir.cleanup();
  }
});
