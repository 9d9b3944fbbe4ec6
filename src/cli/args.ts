/**
 * Flag parsing for the CLI on top of `node:util`'s `parseArgs`. A command declares its options
 * once (`config/option.ts`: flag, default, range, help); its flag specs and `--help` text derive
 * from them, and {@link defineCommand} resolves them into typed values before the command runs.
 * Problems are `InputError`s (exit code 2).
 * @module
 */

import { parseArgs } from "node:util";
import { clipped, InputError } from "../io/errors.ts";
import { type Options, type Resolved, resolveOptions, shownDefault } from "../config/option.ts";

/** One flag of a command, as parsing and `--help` see it. */
export interface FlagSpec {
  /** `string` takes a value, `boolean` is a switch. */
  type: "string" | "boolean";
  /** What the flag does, for `--help`. */
  help: string;
  /** Default value, shown in `--help`. */
  default?: string;
  /** Placeholder for the value in `--help` (e.g. `FILE`). */
  value?: string;
}

/** A command's flags by name (without the leading `--`). */
export type FlagSpecs = Record<string, FlagSpec>;

/** Parsed flag values as typed: strings for value flags, booleans for switches. */
export type FlagValues = Record<string, string | boolean | undefined>;

/** A subcommand of the CLI. */
export interface Command {
  /** Name as typed after `cli.ts`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Flags the command takes. */
  flags: FlagSpecs;
  /** Examples for `--help`. */
  examples: string[];
  /** Runs the command with parsed flags; returns the exit code. */
  run(values: FlagValues): Promise<number>;
}

/** A command as declared: its options, and a run that receives them resolved. */
export interface CommandSpec<O extends Options> {
  name: string;
  summary: string;
  options: O;
  examples: string[];
  run(config: Resolved<O>): Promise<number>;
}

/** The flag specs of options (what parsing and `--help` need). */
export function flagSpecs(options: Options): FlagSpecs {
  const specs: FlagSpecs = {};
  for (const option of Object.values(options)) {
    const shown = shownDefault(option);
    specs[option.flag] = {
      type: option.switch ? "boolean" : "string",
      help: option.help,
      ...(option.value ? { value: option.value } : {}),
      ...(shown !== undefined ? { default: shown } : {}),
    };
  }
  return specs;
}

/** A command whose options are resolved once, before it runs. */
export function defineCommand<O extends Options>(spec: CommandSpec<O>): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    flags: flagSpecs(spec.options),
    examples: spec.examples,
    run: (values) => spec.run(resolveOptions(spec.name, spec.options, values)),
  };
}

/**
 * Parses `argv` against a command's flags. Unknown flags, missing values and stray arguments are
 * `InputError`s that point to `--help`. Defaults are applied when the options are resolved.
 */
export function parseFlags(command: Command, argv: string[]): FlagValues {
  const options: Record<string, { type: "string" | "boolean" }> = { help: { type: "boolean" } };
  for (const [name, spec] of Object.entries(command.flags)) options[name] = { type: spec.type };
  try {
    const parsed = parseArgs({
      args: joinNegativeValues(argv, options),
      options,
      strict: true,
      allowPositionals: false,
    });
    return { ...parsed.values } as FlagValues;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InputError(
      `${command.name}: ${clipped(message)}; see \`deno task ${command.name} --help\``,
    );
  }
}

/**
 * `--flag -1` as `--flag=-1` for flags that take a value: parseArgs would take `-1` for a
 * flag, and the value's own check gives the clearer message ("must be … from 0 to …").
 */
function joinNegativeValues(
  argv: readonly string[],
  options: Record<string, { type: "string" | "boolean" }>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([^=]+)$/.exec(argv[i])?.[1];
    const next = argv[i + 1];
    if (name && options[name]?.type === "string" && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

/** The `--help` text of a command. */
export function helpText(command: Command): string {
  const lines = [`deno task ${command.name} — ${command.summary}`, "", "Options:"];
  const entries = Object.entries(command.flags);
  const labels = entries.map(([name, spec]) =>
    spec.type === "boolean" ? `--${name}` : `--${name} ${spec.value ?? "VALUE"}`
  );
  const width = Math.max(...labels.map((label) => label.length), "--help".length) + 2;
  entries.forEach(([, spec], i) => {
    const fallback = spec.default === undefined ? "" : ` (default: ${spec.default})`;
    lines.push(`  ${labels[i].padEnd(width)}${spec.help}${fallback}`);
  });
  lines.push(`  ${"--help".padEnd(width)}show this help`);
  if (command.examples.length > 0) {
    lines.push("", "Examples:", ...command.examples.map((example) => `  ${example}`));
  }
  return lines.join("\n");
}
