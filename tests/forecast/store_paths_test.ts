import { modelDir, productDirName } from "../../src/forecast/store/paths.ts";
import { globalModelDir } from "../../src/forecast/store/obtain.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import { exists, job, readMetadata, run } from "./store_fixtures.ts";

const JAPANESE = "春夏秋冬の限定デザイン商品セット大型サイズ青色版番号一二三四"; // 30 characters
const LONG = "x".repeat(256);

Deno.test("product directory names are short, safe and deterministic for any id", () => {
  assertEquals([...JAPANESE].length, 30);
  for (const id of [JAPANESE, LONG, "", " ", ".all", "..", "../x", "-2+3", "=SUM(1)", "a\nb"]) {
    const name = productDirName(id);
    assert(/^[A-Za-z0-9][A-Za-z0-9_-]*\+[0-9a-f]{20}$/.test(name), `safe: ${name}`);
    assert(name.length <= 37, `short: ${name}`);
    assertEquals(productDirName(id), name, "deterministic");
  }
  assertEquals(productDirName("85123A").split("+")[0], "85123A", "a readable prefix");
  assertEquals(productDirName(JAPANESE).split("+")[0], "id");
  // Pinned: a change of the naming would orphan every saved model.
  assertEquals(productDirName("P001"), "P001+df1e40051eff4bcf9b4e");
});

Deno.test("ids that differ only in case or in characters the prefix drops never share a directory", () => {
  const ids = [
    "p001",
    "P001",
    "a b",
    "a_b",
    "a/b",
    "a.b",
    "a-b",
    "a\u00e9b",
    "ab",
    "",
    " ",
    "_",
    ".all",
    "all",
    "x".repeat(40),
    "x".repeat(41),
  ];
  const names = ids.map(productDirName);
  // Case-insensitive file systems (macOS, Windows) fold case: compare folded names.
  assertEquals(new Set(names.map((n) => n.toLowerCase())).size, ids.length);
  for (const name of names) assert(!name.startsWith("."), "never the global model's .all");
  const globalRoot = globalModelDir("m", "sales", "lstm-global").split("/").slice(0, 2).join("/");
  assertEquals(globalRoot, "m/.all");
  assert(!modelDir("m", ".all", "sales", "lstm-global").startsWith(globalRoot + "/"));
});

Deno.test("a 30-character Japanese id and a 256-character id train, save and load", async () => {
  const dir = await tempDir();
  try {
    for (const id of [JAPANESE, LONG]) {
      assertEquals((await run(job(dir.path, "reuse", id))).source, "trained");
      const saved = modelDir(dir.path, id, "sales", "lstm");
      assert(exists(`${saved}/checksums.json`), `saved in ${saved}`);
      const metadata = await readMetadata(saved);
      assertEquals(metadata.productId, id, "the real id is recorded");
      assertEquals(metadata.members[0].productId, id);
      assertEquals((await run(job(dir.path, "reuse", id))).source, "loaded");
    }
  } finally {
    await dir.cleanup();
  }
});
