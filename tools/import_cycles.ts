/**
 * `deno run -A tools/import_cycles.ts [ENTRY…]`: finds import cycles among the project's own
 * modules. It walks the module graph `deno info --json` reports for the entries (by default the
 * CLI, the forecasting worker and every module under `src/`), type-only imports included, and
 * prints each cycle as `a.ts → b.ts → a.ts`. Exit code 0 without cycles, 1 with.
 * @module
 */

import { fileURLToPath, pathToFileURL } from "node:url";
import { join, relative } from "node:path";

/** The repository root. */
const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** One module of `deno info --json` and what it imports. */
interface InfoModule {
  specifier: string;
  dependencies?: { code?: { specifier: string }; type?: { specifier: string } }[];
}

/** Every `.ts` file under `dir` (relative to the root), sorted. */
export async function sourceFiles(dir = "src"): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string) => {
    for await (const entry of Deno.readDir(join(ROOT, path))) {
      const child = `${path}/${entry.name}`;
      if (entry.isDirectory) await walk(child);
      else if (entry.name.endsWith(".ts")) found.push(child);
    }
  };
  await walk(dir);
  return found.sort();
}

/** The project's import graph (file → files it imports), from `deno info --json`. */
export async function importGraph(entries: readonly string[]): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const entry of entries) {
    if (graph.has(entry)) continue; // reached from an earlier entry
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", join(ROOT, entry)],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!output.success) {
      throw new Error(`deno info ${entry} failed: ${new TextDecoder().decode(output.stderr)}`);
    }
    const info = JSON.parse(new TextDecoder().decode(output.stdout)) as { modules: InfoModule[] };
    for (const module of info.modules) {
      const from = local(module.specifier);
      if (!from || graph.has(from)) continue;
      const to = (module.dependencies ?? [])
        .flatMap((d) => [d.code?.specifier, d.type?.specifier])
        .map((specifier) => (specifier ? local(specifier) : undefined))
        .filter((path): path is string => path !== undefined);
      graph.set(from, [...new Set(to)].sort());
    }
  }
  return graph;
}

/** A `file://` specifier inside the root as a relative path, or `undefined`. */
function local(specifier: string): string | undefined {
  if (!specifier.startsWith(pathToFileURL(ROOT).href)) return undefined;
  return relative(ROOT, fileURLToPath(specifier));
}

/** The cycles of a graph, each as the files around it (first file repeated at the end). */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

if (import.meta.main) {
  const entries = Deno.args.length > 0 ? Deno.args : ["src/cli.ts", ...await sourceFiles("src")];
  const cycles = findCycles(await importGraph(entries));
  for (const cycle of cycles) console.log(cycle.join(" → "));
  console.log(cycles.length === 0 ? "no import cycles" : `${cycles.length} import cycle(s)`);
  Deno.exit(cycles.length === 0 ? 0 : 1);
}
