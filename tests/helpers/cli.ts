/**
 * Runs the CLI as a user does: a separate Deno process with exactly the permissions the
 * command's `deno task` grants (read from deno.json), so a missing grant fails a test.
 */

import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Result of a CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Splits a task's command line as the task shell does (spaces outside quotes; quotes dropped). */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote: string | undefined;
  let inWord = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

const tasks: Record<string, string> = JSON.parse(
  Deno.readTextFileSync(`${ROOT}deno.json`),
).tasks;

/**
 * The permission flags the `deno task` of a command grants (the words between `deno run` and
 * the script).
 */
export function taskPermissions(task: string): string[] {
  const line = tasks[task];
  if (!line) throw new Error(`deno.json has no task ${JSON.stringify(task)}`);
  const words = splitCommand(line);
  const script = words.findIndex((word) => word.endsWith(".ts"));
  if (words[0] !== "deno" || words[1] !== "run" || script < 0) {
    throw new Error(`task ${task} is not "deno run FLAGS SCRIPT …": ${line}`);
  }
  return words.slice(2, script).filter((word) => word.startsWith("--allow-"));
}

/** Options of {@link runCli}. */
export interface RunOptions {
  /** Working directory of the process (also its `INIT_CWD`). @default ROOT */
  cwd?: string;
  /** Standard input, when the command reads it. */
  stdin?: string;
}

/**
 * Runs `deno run <the task's permissions> src/cli.ts ...args` (the command is `args[0]`) and
 * returns what it printed. `INIT_CWD` is the process's own directory unless `env` sets it.
 */
export async function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: RunOptions = {},
): Promise<CliResult> {
  const cwd = options.cwd ?? ROOT;
  const permissions = tasks[args[0]] ? taskPermissions(args[0]) : ["--allow-read", "--allow-env"];
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", ...permissions, "--quiet", `${ROOT}src/cli.ts`, ...args],
    cwd,
    env: { NO_COLOR: "1", INIT_CWD: cwd, ...env },
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const output = await child.output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

/** A fresh temporary directory, removed by the returned function. */
export async function tempDir(): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const path = await Deno.makeTempDir({ prefix: "returncast-test-" });
  return { path, cleanup: () => Deno.remove(path, { recursive: true }) };
}
