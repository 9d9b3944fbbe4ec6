/**
 * Tests that need an external program (Chromium, poppler-utils). On a developer machine without
 * the program such a test is registered as ignored, with the install command in its name, so the
 * skip shows in the output. Under CI (`CI=true`), which installs everything, a missing program is
 * a broken setup: the test is registered and fails with the same message.
 */

import { findChromium } from "../../src/report/chromium.ts";

/** An external program a test needs. */
export interface Tool {
  /** What it is, as people call it: "Chromium". */
  readonly what: string;
  /** Whether it is available here. */
  readonly found: () => boolean;
  /** How to install it: "apt-get install chromium (or set CHROME_PATH)". */
  readonly install: string;
}

/** Whether `command` is an executable file in one of the directories of `PATH`. */
export function onPath(command: string, path = Deno.env.get("PATH") ?? ""): boolean {
  return path.split(":").filter((dir) => dir !== "").some((dir) => {
    try {
      const info = Deno.statSync(`${dir}/${command}`);
      return info.isFile && ((info.mode ?? 0o111) & 0o111) !== 0;
    } catch {
      return false;
    }
  });
}

/** Chromium or Chrome, as `findChromium` finds it. */
export const CHROMIUM: Tool = {
  what: "Chromium",
  found: () => findChromium() !== undefined,
  install: "apt-get install chromium (or set CHROME_PATH)",
};

/** poppler-utils: `pdftotext`, `pdftoppm` and `pdfinfo`. */
export const POPPLER: Tool = {
  what: "poppler-utils (pdftotext, pdftoppm, pdfinfo)",
  found: () => ["pdftotext", "pdftoppm", "pdfinfo"].every((command) => onPath(command)),
  install: "apt-get install poppler-utils",
};

/** How a test that needs tools is registered (see {@link planToolTest}). */
export interface ToolTestPlan {
  /** The test name, with the skip reason appended when it is skipped. */
  readonly name: string;
  /** Register as ignored (tools missing, not under CI). */
  readonly ignore: boolean;
  /** Register a test that fails with this message (tools missing under CI). */
  readonly failure?: string;
}

/**
 * Decides how to register a test that needs `tools`: normally when all are found; ignored with
 * "(skipped: X not found — install: …)" in its name when some are missing; failing with that
 * message when some are missing and `env.CI` is "true".
 */
export function planToolTest(
  name: string,
  tools: readonly Tool[],
  env: Record<string, string | undefined> = Deno.env.toObject(),
): ToolTestPlan {
  const missing = tools.filter((tool) => !tool.found());
  if (missing.length === 0) return { name, ignore: false };
  const reason = missing.map((tool) => `${tool.what} not found — install: ${tool.install}`)
    .join("; ");
  if (env.CI === "true") {
    return {
      name,
      ignore: false,
      failure: `${reason} (CI installs every tool, so a missing one means the setup is broken)`,
    };
  }
  return { name: `${name} (skipped: ${reason})`, ignore: true };
}

/** Extra `Deno.test` options (sanitizers, permissions) for {@link testNeedingTool}. */
export type ToolTestOptions = Omit<Deno.TestDefinition, "name" | "fn" | "ignore">;

/**
 * Registers a `Deno.test` that needs `tool` (or several): runs it when they are found, skips it
 * visibly when they are missing, fails it under CI when they are missing.
 *
 * @example
 * ```ts ignore
 * testNeedingTool("prints a PDF", [CHROMIUM, POPPLER], async () => { … });
 * ```
 */
export function testNeedingTool(
  name: string,
  tool: Tool | readonly Tool[],
  fn: (t: Deno.TestContext) => void | Promise<void>,
  options: ToolTestOptions = {},
): void {
  const plan = planToolTest(name, Array.isArray(tool) ? tool : [tool as Tool]);
  const failure = plan.failure;
  Deno.test({
    ...options,
    name: plan.name,
    ignore: plan.ignore,
    fn: failure === undefined ? fn : () => {
      throw new Error(failure);
    },
  });
}
