/**
 * Returncast's command line: `deno run src/cli.ts <command> [flags]`, usually through
 * `deno task <command>`. Thin: each command parses its flags and calls the library.
 * @module
 */

import { printErr, printErrorLine, printOut } from "./cli/print.ts";
import { type Command, helpText, parseFlags } from "./cli/args.ts";
import { releaseAllLocks } from "./io/lock.ts";
import { InputError } from "./io/errors.ts";
import { validateCommand } from "./cli/validate.ts";
import { generateCommand } from "./cli/generate.ts";
import { importCommand } from "./cli/import.ts";
import { backtestCommand } from "./cli/backtest.ts";
import { trainCommand } from "./cli/train.ts";
import { forecastCommand } from "./cli/forecast.ts";
import { planCommand } from "./cli/plan.ts";
import { reportCommand } from "./cli/report.ts";
import { mergeCommand } from "./cli/merge.ts";

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  generateCommand,
  importCommand,
  trainCommand,
  forecastCommand,
  backtestCommand,
  planCommand,
  reportCommand,
  mergeCommand,
];

/** Runs the CLI with `args` and returns the exit code (0 done, 1 failure, 2 bad input/usage). */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    printOut(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (!command) {
      throw new InputError(`unknown command ${JSON.stringify(name)}; run with --help for the list`);
    }
    const values = parseFlags(command, rest);
    if (values.help) {
      printOut(helpText(command));
      return 0;
    }
    return await command.run(values);
  } catch (error) {
    return reportError(error);
  } finally {
    await releaseAllLocks().catch(() => {});
  }
}

/** Prints an error as one line on stderr and returns its exit code. */
export function reportError(error: unknown): number {
  if (error instanceof InputError) {
    printErrorLine(`error: ${error.message}`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (Deno.env.get("RETURNCAST_DEBUG") && error instanceof Error) {
    printErr(error.stack ?? error.message);
  } else printErrorLine(`error: ${message.split("\n")[0]} (RETURNCAST_DEBUG=1 shows the details)`);
  return 1;
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    "Returncast — forecast daily sales and returns, plan inventory, publish a report.",
    "",
    "Usage: deno task <command> [options]   (each command takes --help)",
    "",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
  ].join("\n");
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
