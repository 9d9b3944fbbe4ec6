import { MAX_INPUT_BYTES, readText, streamText } from "../../src/io/read_text.ts";
import { readDaily } from "../../src/data/read_daily.ts";
import { InputError } from "../../src/io/errors.ts";
import { createHash } from "node:crypto";
import { assert, assertEquals, assertRejects } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";

const DAILY = "date,product_id,sales,returns\n2023-01-01,P1,5,0\n2023-01-02,P1,4,1\n";

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

Deno.test("plain and gzip files read the same, and the fingerprint is of the bytes read", async () => {
  const dir = await tempDir();
  try {
    const plain = `${dir.path}/d.csv`;
    const packed = `${dir.path}/d.csv.gz`;
    await Deno.writeTextFile(plain, "\ufeff" + DAILY);
    const zipped = await gzip(new TextEncoder().encode(DAILY));
    await Deno.writeFile(packed, zipped);
    assertEquals(await readText(plain), DAILY, "the byte-order mark is dropped");
    assertEquals(await readText(packed), DAILY);
    const report = await streamText(packed, () => {});
    assertEquals(report.sha256, createHash("sha256").update(zipped).digest("hex"));
    assertEquals(report.bytes, zipped.length);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a named pipe is read once, fingerprinted from the same bytes, and never hangs", async () => {
  const dir = await tempDir();
  try {
    const fifo = `${dir.path}/pipe.csv`;
    const made = await new Deno.Command("mkfifo", { args: [fifo] }).output();
    assert(made.success, "mkfifo");
    const writer = (async () => {
      const file = await Deno.open(fifo, { write: true });
      await file.write(new TextEncoder().encode(DAILY));
      file.close();
    })();
    const set = await readDaily(fifo);
    await writer;
    assertEquals(set.products[0].id, "P1");
    assertEquals(set.sha256, createHash("sha256").update(DAILY).digest("hex"));
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a gzip bomb stops at the size limit with a one-line error, before memory runs out", async () => {
  const dir = await tempDir();
  try {
    // 256 MiB of valid CSV rows compress to under 1 MB; a 64 MiB limit must stop it.
    const row = new TextEncoder().encode("2023-01-01,P1,5,0\n".repeat(4096));
    const chunks = 256 * 1024 ** 2 / row.length;
    const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        if (pulled++ >= chunks) controller.close();
        else controller.enqueue(row);
      },
    }).pipeThrough(new CompressionStream("gzip"));
    let pulled = 0;
    const bomb = `${dir.path}/bomb.csv.gz`;
    await Deno.writeFile(bomb, stream);
    let chars = 0;
    const error = await assertRejects(
      () => streamText(bomb, (text) => void (chars += text.length), { maxBytes: 64 * 1024 ** 2 }),
      InputError,
      "bomb.csv.gz",
      "more than",
      "once decompressed",
    );
    assert(!error.message.includes("\n"), "one line");
    assert(chars <= 64 * 1024 ** 2, `no more than the limit passed on, got ${chars}`);
    assertEquals(MAX_INPUT_BYTES, 2 * 1024 ** 3);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("a gzip of one endless line fails fast on the line length, quoting nothing of it", async () => {
  const dir = await tempDir();
  try {
    const bomb = `${dir.path}/zeros.csv.gz`;
    await Deno.writeFile(bomb, await gzip(new Uint8Array(200 * 1024 ** 2).fill(0x41)));
    const error = await assertRejects(
      () => readDaily(bomb),
      InputError,
      "zeros.csv.gz",
      "line 1 is longer than",
    );
    assert(error.message.length < 300, `short message, got ${error.message.length} characters`);
  } finally {
    await dir.cleanup();
  }
});

Deno.test("broken gzip, bytes that are not UTF-8 and directories are clear errors", async () => {
  const dir = await tempDir();
  try {
    const bad = `${dir.path}/bad.csv.gz`;
    await Deno.writeFile(bad, new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4, 5]));
    await assertRejects(() => readText(bad), InputError, "not a valid gzip");
    const latin = `${dir.path}/latin.csv`;
    await Deno.writeFile(latin, new Uint8Array([0x61, 0xe9, 0x0a]));
    await assertRejects(() => readText(latin), InputError, "not UTF-8");
    await assertRejects(() => readText(dir.path), InputError, "is a directory");
    await assertRejects(() => readText(`${dir.path}/none.csv`, "do X"), InputError, "do X");
  } finally {
    await dir.cleanup();
  }
});
