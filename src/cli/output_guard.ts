/**
 * What a command's outputs must not replace, checked before any work: the inputs it reads (the
 * data file and the order lines beside it, `--on-hand`, `--order-constraints`, `--from`
 * directories, the saved models), and everything the io layer
 * refuses (`io/output_dir.ts`, `io/output_file.ts`).
 * @module
 */

import { InputError } from "../io/errors.ts";
import { claimOutputDir } from "../io/output_dir.ts";
import { claimOutputFiles, type NamedInput } from "../io/output_file.ts";
import { RUN_FILES } from "../outputs/run_files.ts";
import { orderLinesPath } from "../inventory/large_orders/order_lines_file.ts";

export { FORCE } from "../config/force.ts";

/** The inputs a command may name. */
export interface CommandInputs {
  data?: string;
  onHand?: string;
  orderConstraints?: string;
  modelsDir?: string;
  from?: string | readonly string[];
  transactions?: string;
}

/** The inputs of a command with the flags that named them. */
export function inputsOf(config: CommandInputs): NamedInput[] {
  const inputs: NamedInput[] = [];
  if (config.data) {
    inputs.push({ path: config.data, flag: "--data" });
    inputs.push({ path: orderLinesPath(config.data), flag: "--data (its order lines)" });
  }
  if (config.onHand) inputs.push({ path: config.onHand, flag: "--on-hand" });
  if (config.orderConstraints) {
    inputs.push({ path: config.orderConstraints, flag: "--order-constraints" });
  }
  if (config.modelsDir) inputs.push({ path: config.modelsDir, flag: "--models-dir" });
  if (config.transactions) inputs.push({ path: config.transactions, flag: "--transactions" });
  for (const dir of [config.from ?? []].flat()) inputs.push({ path: dir, flag: "--from" });
  return inputs;
}

/**
 * Refuses an output directory that would replace an input or anything not Returncast's, and
 * holds its lock for the rest of the run (a second run on it stops at once).
 */
export async function guardOutputDir(
  out: string,
  config: CommandInputs,
  command: string,
): Promise<void> {
  await checkModelsDir(config.modelsDir);
  await claimOutputDir(out, command, inputsOf(config), RUN_FILES);
}

/**
 * Refuses file outputs that would replace an input, a directory or a file not Returncast's,
 * and holds their locks for the rest of the run.
 */
export async function guardOutputFiles(
  paths: readonly string[],
  config: CommandInputs & { force?: boolean },
  command: string,
): Promise<void> {
  await checkModelsDir(config.modelsDir);
  await claimOutputFiles(paths, command, inputsOf(config), config.force === true);
}

/** `--models-dir` must be a directory when it exists. */
export async function checkModelsDir(dir: string | undefined): Promise<void> {
  if (!dir) return;
  try {
    const info = await Deno.stat(dir);
    if (info.isDirectory) return;
  } catch {
    return; // created when the first model is saved
  }
  throw new InputError("is not a directory; --models-dir names the directory of saved models", {
    file: dir,
  });
}
