/**
 * Renders the report from a notebook through the command users run, `deno task report`, in a
 * child process (the Deno binary running the notebook, the project's `src/cli.ts`), and lists
 * what it wrote. The child works in the caller's directory, so relative paths mean the same to
 * both.
 * @module
 */

import { fileURLToPath } from "node:url";
import type { PolicySettings } from "../inventory/policies/types.ts";

/** The project's command-line entry. */
const CLI = fileURLToPath(new URL("../cli.ts", import.meta.url));

/** What to report on and how: the flags of `deno task report`. */
export interface ReportRunOptions {
  /** The daily CSV (`--data`). */
  data: string;
  /** The output directory (`--out`); replaced atomically. */
  out: string;
  /** Where saved LSTMs are reused from and saved to (`--models-dir`). */
  modelsDir: string;
  /** `--seed`. */
  seed: number;
  /** Days to forecast (`--horizon`). */
  horizon: number;
  /** Lead time, review period, restock rate, targets, safety factor and costs. */
  settings: PolicySettings;
  /** The policy (`--policy`); the command's default when absent. */
  policy?: string;
  /** Print report.pdf too (`--no-pdf` when false). */
  pdf: boolean;
  /** Candidates of `auto` (`--models`); the command's default when absent. */
  models?: readonly string[];
}

/** What a report run wrote. */
export interface ReportRunResult {
  /** The output directory. */
  dir: string;
  /** The files in it, by name, with their sizes in bytes. */
  files: { name: string; bytes: number }[];
  /** Warnings the command printed (e.g. no Chromium, so no PDF). */
  warnings: string[];
}

/**
 * The arguments of `deno run` for a report run.
 *
 * @example
 * ```ts
 * import { reportArgs } from "./run_report.ts";
 * const args = reportArgs({
 *   data: "d.csv", out: "out", modelsDir: "models", seed: 1, horizon: 30, pdf: false,
 *   settings: {
 *     leadTime: 7, reviewPeriod: 7, restockRate: 0.8, fillRate: 0.95, cycleService: 0.95,
 *     safetyFactor: 1.2, costs: { holding: 0.05, shortage: 1 },
 *   },
 * });
 * args.includes("--no-pdf"); // true
 * ```
 */
export function reportArgs(options: ReportRunOptions, cli = CLI): string[] {
  const { settings } = options;
  const costs = settings.costs;
  return [
    "run",
    "--allow-all",
    cli,
    "report",
    ...["--data", options.data, "--out", options.out, "--models-dir", options.modelsDir],
    ...["--seed", String(options.seed), "--horizon", String(options.horizon)],
    ...["--lead-time", String(settings.leadTime), "--review-period", String(settings.reviewPeriod)],
    ...["--restock-rate", String(settings.restockRate)],
    ...["--fill-rate", String(settings.fillRate)],
    ...["--cycle-service", String(settings.cycleService)],
    ...(options.policy ? ["--policy", options.policy] : []),
    ...["--safety-factor", String(settings.safetyFactor)],
    ...["--holding-cost", String(costs.holding), "--shortage-cost", String(costs.shortage)],
    ...(options.models ? ["--models", options.models.join(",")] : []),
    "--quiet",
    ...(options.pdf ? [] : ["--no-pdf"]),
  ];
}

/**
 * Runs `deno task report` with `options` and lists the output directory. Throws an `Error` with
 * the command's own message when it fails.
 */
export async function runReport(options: ReportRunOptions): Promise<ReportRunResult> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: reportArgs(options),
    // Paths are relative to this process's directory, whatever `deno task` started it.
    env: { NO_COLOR: "1", INIT_CWD: Deno.cwd() },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  const lines = new TextDecoder().decode(output.stderr).split("\n").filter((l) => l.trim());
  if (!output.success) {
    throw new Error(
      `deno task report failed (exit ${output.code}): ${lines.at(-1) ?? "no message"}`,
    );
  }
  const files: { name: string; bytes: number }[] = [];
  for await (const entry of Deno.readDir(options.out)) {
    if (!entry.isFile) continue;
    files.push({ name: entry.name, bytes: (await Deno.stat(`${options.out}/${entry.name}`)).size });
  }
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { dir: options.out, files, warnings: lines.filter((l) => l.startsWith("warning")) };
}
