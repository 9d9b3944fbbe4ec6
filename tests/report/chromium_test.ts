import { findChromium, launchBrowser, withBrowser } from "../../src/report/chromium.ts";
import { tempDir } from "../helpers/cli.ts";
import { basename } from "node:path";
import { acquireLock, lockPath, releaseLock } from "../../src/io/lock.ts";
import { assert, assertEquals, assertRejects } from "../helpers/assert.ts";
import { CHROMIUM, testNeedingTool } from "../helpers/requires.ts";

Deno.test("findChromium honours CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH, then the paths", async () => {
  const dir = await tempDir();
  try {
    const chrome = `${dir.path}/chrome`;
    const puppeteer = `${dir.path}/puppeteer-chrome`;
    const installed = `${dir.path}/usr-bin-chromium`;
    for (const file of [chrome, puppeteer, installed]) {
      await Deno.writeTextFile(file, "#!/bin/sh\n");
    }
    const paths = [`${dir.path}/missing`, installed];
    assertEquals(
      findChromium({ CHROME_PATH: chrome, PUPPETEER_EXECUTABLE_PATH: puppeteer }, paths),
      chrome,
    );
    assertEquals(findChromium({ PUPPETEER_EXECUTABLE_PATH: puppeteer }, paths), puppeteer);
    assertEquals(findChromium({}, paths), installed);
    assertEquals(
      findChromium({ CHROME_PATH: "" }, paths),
      installed,
      "an empty CHROME_PATH is unset",
    );
  } finally {
    await dir.cleanup();
  }
});

Deno.test("findChromium skips a CHROME_PATH that is missing or a directory", async () => {
  const dir = await tempDir();
  try {
    const missing = `${dir.path}/no-such-chrome`;
    assertEquals(findChromium({ CHROME_PATH: missing }, []), undefined);
    assertEquals(
      findChromium({ CHROME_PATH: dir.path }, []),
      undefined,
      "a directory is no browser",
    );
    const found = findChromium({ CHROME_PATH: missing });
    assert(found !== missing, "falls through to the usual install paths");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("launching a missing executable is a clear error, leaves no profile, and clears dead runs' profiles", async () => {
  // Profiles go to TMPDIR: point it at an empty directory of our own for this test.
  const dir = await tempDir();
  const previous = Deno.env.get("TMPDIR");
  Deno.env.set("TMPDIR", dir.path);
  // A dead run's profile (its lock file left, nobody holding it) and a live run's.
  const dead = `${dir.path}/returncast-chromium-dead0000dead0000`;
  const live = `${dir.path}/returncast-chromium-1111222233334444`;
  await Deno.mkdir(dead);
  await Deno.writeTextFile(lockPath(dead), "{}");
  await acquireLock(live, "report");
  await Deno.mkdir(live);
  try {
    await assertRejects(
      () => launchBrowser("/no/such/chromium"),
      Error,
      "Cannot start Chromium at /no/such/chromium",
    );
    const left = (await Array.fromAsync(Deno.readDir(dir.path))).map((e) => e.name).sort();
    assertEquals(left, [basename(live), basename(lockPath(live))], "only the live profile left");
    await releaseLock(live);
  } finally {
    if (previous === undefined) Deno.env.delete("TMPDIR");
    else Deno.env.set("TMPDIR", previous);
    await dir.cleanup();
  }
});

/** Pids of live (not zombie) processes in process group `pgid` (Linux /proc). */
async function liveProcessesInGroup(pgid: number): Promise<number[]> {
  const live: number[] = [];
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    const stat = await Deno.readTextFile(`/proc/${entry.name}/stat`).catch(() => "");
    // Fields after the parenthesised command: state ppid pgrp …
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid && fields[0] !== "Z" && fields[0] !== "X") {
      live.push(Number(entry.name));
    }
  }
  return live;
}

const linux = Deno.build.os === "linux";

testNeedingTool(
  "the browser is closed, profile removed, no process left, when rendering throws",
  CHROMIUM,
  async () => {
    let pid = 0;
    let profile = "";
    await assertRejects(
      () =>
        withBrowser(findChromium()!, async (browser) => {
          const process = browser.process()!;
          pid = process.pid!;
          profile = process.spawnargs.find((arg) => arg.startsWith("--user-data-dir="))!.slice(16);
          const page = await browser.newPage();
          await page.goto("data:text/html,<p>hello</p>");
          if (linux) {
            assert((await liveProcessesInGroup(pid)).length > 1, "browser and helpers run");
          }
          throw new Error("rendering failed");
        }),
      Error,
      "rendering failed",
    );
    assert(pid > 0, "the browser was started");
    if (linux) assertEquals(await liveProcessesInGroup(pid), [], "no Chromium process left");
    const exists = await Deno.stat(profile).then(() => true, () => false);
    assert(!exists, `profile ${profile} removed`);
  },
);

testNeedingTool("a session can be closed twice", CHROMIUM, async () => {
  const session = await launchBrowser(findChromium()!);
  assert((await session.browser.version()).length > 0);
  await session.close();
  await session.close();
  const exists = await Deno.stat(session.userDataDir).then(() => true, () => false);
  assert(!exists, "profile removed");
});
