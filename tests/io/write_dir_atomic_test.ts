import { join } from "node:path";
import { recoverDirectory, writeDirectoryAtomic } from "../../src/io/write_dir_atomic.ts";
import { withLock } from "../../src/io/lock.ts";
import { assert, assertEquals } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";

async function names(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(dir)) found.push(entry.name);
  return found.sort();
}

/** The generation every file of a swapped-in directory names (all must agree). */
async function generationOf(dir: string): Promise<string> {
  const files = (await names(dir)).filter((n) => n.endsWith(".txt"));
  assertEquals(files.length, 20, `${dir} is complete`);
  const texts = new Set(await Promise.all(files.map((f) => Deno.readTextFile(join(dir, f)))));
  assertEquals(texts.size, 1, `${dir} holds one generation`);
  return [...texts][0];
}

Deno.test("kill -9 at any moment of a swap: the next run finds a complete output and no leftovers", async () => {
  const root = await tempDir();
  try {
    const dir = join(root.path, "out");
    const child = new URL("./swap_child.ts", import.meta.url).pathname;
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 12; round++) {
      const process = new Deno.Command(Deno.execPath(), {
        args: ["run", "--allow-read", "--allow-write", child, dir],
        stdout: "null",
        stderr: "null",
      }).spawn();
      // Let it swap a few times, then kill it wherever it is.
      await new Promise((resolve) => setTimeout(resolve, 400 + random() * 400));
      process.kill("SIGKILL");
      await process.status;
      await recoverDirectory(dir);
      await generationOf(dir);
      // A writer repairs everything a dead run left.
      await writeDirectoryAtomic(dir, async (temp) => {
        for (let i = 0; i < 20; i++) await Deno.writeTextFile(join(temp, `f${i}.txt`), "mine\n");
      });
      assertEquals(await generationOf(dir), "mine\n");
      assertEquals(await names(root.path), ["out"], `round ${round}: no leftovers`);
    }
  } finally {
    await root.cleanup();
  }
});

Deno.test("an interrupted swap between its renames is put back by the next reader", async () => {
  const root = await tempDir();
  try {
    const dir = join(root.path, "out");
    // The state a kill between `DIR → DIR.returncast-old-ID` and `…-tmp-ID → DIR` leaves.
    await Deno.mkdir(`${dir}.returncast-old-0123456789ab`);
    await Deno.writeTextFile(`${dir}.returncast-old-0123456789ab/report.html`, "previous");
    await Deno.mkdir(`${dir}.returncast-tmp-0123456789ab`);
    // A user's own directories of similar names are never touched.
    await Deno.mkdir(`${dir}.old`);
    await Deno.mkdir(`${dir}.tmp-1`);
    await Deno.mkdir(`${dir}.returncast-old-mine`);
    assert(await recoverDirectory(dir), "restored");
    assertEquals(await Deno.readTextFile(join(dir, "report.html")), "previous");
    assertEquals(await names(root.path), [
      "out",
      "out.old",
      "out.returncast-old-mine",
      "out.tmp-1",
    ]);
    assertEquals(await recoverDirectory(dir), false, "nothing to do once it is back");
  } finally {
    await root.cleanup();
  }
});

Deno.test("two runs on one output: the second stops at once, naming the first", async () => {
  const root = await tempDir();
  try {
    const dir = join(root.path, "out");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = withLock(dir, "report", () => held);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const child = await new Deno.Command(Deno.execPath(), {
      args: [
        "eval",
        `import { writeDirectoryAtomic } from "${
          new URL("../../src/io/write_dir_atomic.ts", import.meta.url).href
        }"; await writeDirectoryAtomic(${JSON.stringify(dir)}, async () => {})` +
        `.catch((e) => { console.error(e.name + ": " + e.message); Deno.exit(2); });`,
      ],
      stderr: "piped",
    }).output();
    const message = new TextDecoder().decode(child.stderr);
    assertEquals(child.code, 2, message);
    assert(message.includes("InputError") && message.includes(`process ${Deno.pid}`), message);
    assert(message.includes("report"), message);
    release();
    await first;
    assertEquals(await names(root.path), [], "the lock file is gone after the run");
    // Within one run the lock nests (a claimed output is then written under it).
    await withLock(dir, "a", async () => {
      await withLock(dir, "b", () => Promise.resolve());
      assertEquals(await names(root.path), ["out.returncast-lock"], "still held by the outer");
    });
    assertEquals(await names(root.path), []);
  } finally {
    await root.cleanup();
  }
});
