import { assert, assertEquals } from "../helpers/assert.ts";
import { gzipped, writeContent, writeFileAtomic } from "../../src/io/write_atomic.ts";

/** Text of `rows` CSV rows, as one string. */
const text = (rows: number) =>
  Array.from({ length: rows }, (_, i) => `P${i % 97},2024-01-${i % 28},${i * 7 % 1000}\n`).join("");

Deno.test("gzip content: the text comes back, and the bytes do not depend on how it is chunked", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const whole = text(120_000); // over 2 MiB: several blocks
    const pieces = (size: number) => () => {
      const out: string[] = [];
      for (let at = 0; at < whole.length; at += size) out.push(whole.slice(at, at + size));
      return out;
    };
    await writeFileAtomic(`${dir}/a.csv.gz`, gzipped(pieces(7)));
    await writeFileAtomic(`${dir}/b.csv.gz`, gzipped(pieces(1_000_003)));
    const a = await Deno.readFile(`${dir}/a.csv.gz`);
    assertEquals([...a], [...await Deno.readFile(`${dir}/b.csv.gz`)]);
    assert(a.length < whole.length / 3, `compressed: ${a.length} bytes`);
    const back = await new Response(
      new Blob([a]).stream().pipeThrough(new DecompressionStream("gzip")),
    ).text();
    assert(back === whole, "decompresses to the text");
    assertEquals([...Deno.readDirSync(dir)].map((e) => e.name).sort(), ["a.csv.gz", "b.csv.gz"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("gzip content: a failure while the text is made leaves no file and no temporary", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const failing = gzipped(function* () {
      yield text(50_000);
      throw new Error("the rows ran out");
    });
    let message = "";
    await writeFileAtomic(`${dir}/x.csv.gz`, failing).catch((e) => (message = e.message));
    assertEquals(message, "the rows ran out");
    assertEquals([...Deno.readDirSync(dir)].length, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("gzip content: a disk that fills up is a rejected write, not an uncaught error", async () => {
  // /dev/full fails every write with ENOSPC, as a full disk does.
  let message = "";
  await writeContent("/dev/full", gzipped(() => [text(200_000)])).catch((e) => message = e.message);
  assert(message.includes("No space left"), message);
});
