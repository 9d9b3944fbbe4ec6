/**
 * Finding and driving a local Chromium through `puppeteer-core` (plain `puppeteer` would try to
 * download its own browser, which our machines cannot). The browser is launched over a pipe
 * with a fresh profile and the flags a closed network needs, and {@link withBrowser} guarantees
 * that it is closed — and killed if closing fails — and its profile removed, whatever happens.
 * @module
 */

import puppeteer, { type Browser } from "puppeteer-core";
import { join } from "node:path";
import { acquireLock, lockIsFree, lockPath, releaseLock } from "../io/lock.ts";

/** Where Chromium or Chrome is usually installed, in the order {@link findChromium} tries them. */
export const CHROMIUM_PATHS: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/**
 * Command-line flags for headless rendering on a locked-down machine: no sandbox (containers
 * lack the namespaces), no GPU, no /dev/shm (small in containers), and none of the background
 * connections (component updates, sync, …) that a closed network refuses.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

/**
 * Where to look after the environment variables: `RETURNCAST_CHROMIUM_SEARCH` (colon-separated
 * paths; empty to look nowhere else) when set, the usual install paths otherwise.
 */
export function chromiumSearchPaths(
  env: Record<string, string> = Deno.env.toObject(),
): readonly string[] {
  const custom = env.RETURNCAST_CHROMIUM_SEARCH;
  return custom === undefined ? CHROMIUM_PATHS : custom.split(":").filter((path) => path !== "");
}

/**
 * The Chromium executable to use: `CHROME_PATH`, then `PUPPETEER_EXECUTABLE_PATH`, then the
 * search paths (see {@link chromiumSearchPaths}) — the first that exists and is a file — or
 * `undefined` when there is none.
 *
 * @example
 * ```ts
 * import { findChromium } from "./chromium.ts";
 * findChromium({ CHROME_PATH: "/no/such/chrome" }, []); // undefined
 * ```
 */
export function findChromium(
  env: Record<string, string> = Deno.env.toObject(),
  paths: readonly string[] = chromiumSearchPaths(env),
): string | undefined {
  const candidates = [env.CHROME_PATH, env.PUPPETEER_EXECUTABLE_PATH, ...paths];
  return candidates.find((path): path is string => !!path && isFile(path));
}

/** A running browser and the one way to end it. */
export interface BrowserSession {
  /** The puppeteer browser. */
  readonly browser: Browser;
  /** The temporary profile directory, removed by {@link BrowserSession.close}. */
  readonly userDataDir: string;
  /**
   * Closes the browser (killing its process if closing fails or takes longer than 5 s) and
   * removes its temporary profile. Safe to call more than once.
   */
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 5_000;

/** Temporary Chromium profiles are named `returncast-chromium-ID`, each locked by its run. */
const PROFILE_PREFIX = "returncast-chromium-";

/** Variables Deno refuses to pass to a process it may run only by name. */
const LOADER_VARIABLES = [
  "LD_LIBRARY_PATH",
  "LD_PRELOAD",
  "DYLD_LIBRARY_PATH",
  "DYLD_INSERT_LIBRARIES",
];

/**
 * Refuses, with what to do, a Chromium that Deno's permissions do not let this run start (the
 * `report` task may run only the usual install paths): otherwise the spawn fails deep inside
 * puppeteer as an uncaught error.
 */
function assertMayRun(executablePath: string): void {
  const state = Deno.permissions.querySync({ name: "run", command: executablePath }).state;
  if (state === "granted") return;
  const allowed = CHROMIUM_PATHS.filter((path) =>
    Deno.permissions.querySync({ name: "run", command: path }).state === "granted"
  );
  throw new Error(
    `Cannot start Chromium at ${executablePath}: this run may start only ` +
      `${allowed.length > 0 ? allowed.join(", ") : "no browser"}; install Chromium there ` +
      `(apt-get install chromium), or run \`deno run --allow-read --allow-write --allow-env ` +
      `--allow-run=${executablePath} src/cli.ts report …\``,
  );
}

/** The environment for Chromium: this process's, without the loader variables Deno refuses. */
function childEnv(): { env: Record<string, string>; dropped: string[] } {
  const env = Deno.env.toObject();
  const dropped = LOADER_VARIABLES.filter((name) => name in env);
  for (const name of dropped) delete env[name];
  return { env, dropped };
}

/**
 * Removes the profiles of runs that died without cleaning up: a live run holds its profile's
 * lock (`io/lock.ts`), which the kernel drops when the process dies.
 */
async function removeStaleProfiles(): Promise<void> {
  const tmp = Deno.env.get("TMPDIR") || "/tmp";
  try {
    for await (const entry of Deno.readDir(tmp)) {
      if (!entry.isDirectory || !entry.name.startsWith(PROFILE_PREFIX)) continue;
      const profile = join(tmp, entry.name);
      if (!(await lockIsFree(profile))) continue;
      await Deno.remove(profile, { recursive: true }).catch(() => {});
      await Deno.remove(lockPath(profile)).catch(() => {});
    }
  } catch {
    // no temporary directory to look in
  }
}

/**
 * Launches headless Chromium at `executablePath` over a pipe, with a fresh temporary profile and
 * {@link CHROMIUM_FLAGS}. The caller must `close()` the session; prefer {@link withBrowser}.
 */
export async function launchBrowser(executablePath: string): Promise<BrowserSession> {
  assertMayRun(executablePath);
  await removeStaleProfiles();
  const userDataDir = join(
    Deno.env.get("TMPDIR") || "/tmp",
    `${PROFILE_PREFIX}${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`,
  );
  // Locked before it exists, so another run's clean-up never takes it for a dead run's.
  await acquireLock(userDataDir, "report");
  await Deno.mkdir(userDataDir, { mode: 0o700 });
  const removeProfile = async () => {
    await Deno.remove(userDataDir, { recursive: true }).catch(() => {});
    await releaseLock(userDataDir).catch(() => {});
  };
  const { env, dropped } = childEnv();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      pipe: true,
      headless: true,
      userDataDir,
      args: [...CHROMIUM_FLAGS],
      env,
    });
  } catch (error) {
    await removeProfile();
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const note = dropped.length === 0
      ? ""
      : ` (${dropped.join(" and ")} ${
        dropped.length > 1 ? "were" : "was"
      } not passed to Chromium: Deno allows that only with an unrestricted --allow-run)`;
    throw new Error(`Cannot start Chromium at ${executablePath}: ${reason}${note}`, {
      cause: error,
    });
  }
  let closed: Promise<void> | undefined;
  const close = async () => {
    const process = browser.process();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => timer = setTimeout(resolve, CLOSE_TIMEOUT_MS));
    try {
      await Promise.race([browser.close().catch(() => {}), timeout]);
    } finally {
      clearTimeout(timer);
      if (process && process.exitCode === null && process.signalCode === null) {
        process.kill("SIGKILL");
      }
      await removeProfile();
    }
  };
  return { browser, userDataDir, close: () => closed ??= close() };
}

/**
 * Runs `fn` with a freshly launched browser and closes it afterwards, also when `fn` throws.
 *
 * @example
 * ```ts ignore
 * import { findChromium, withBrowser } from "./chromium.ts";
 * const version = await withBrowser(findChromium()!, (browser) => browser.version());
 * ```
 */
export async function withBrowser<T>(
  executablePath: string,
  fn: (browser: Browser) => Promise<T>,
): Promise<T> {
  const session = await launchBrowser(executablePath);
  try {
    return await fn(session.browser);
  } finally {
    await session.close();
  }
}
