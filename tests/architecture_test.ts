/**
 * The layout's rules, checked: no import cycles among the project's modules (the graph of
 * `deno info --json`, type-only imports included), small files in `src/`, and no model
 * capability inferred from a name.
 */

import { findCycles, importGraph, sourceFiles } from "../tools/import_cycles.ts";
import { assert, assertEquals } from "./helpers/assert.ts";
import { ROOT } from "./helpers/cli.ts";

Deno.test("no import cycles in src/ and tools/", async () => {
  const entries = ["src/cli.ts", ...await sourceFiles("src"), ...await sourceFiles("tools")];
  const graph = await importGraph(entries);
  assert(graph.size > 100, `only ${graph.size} modules in the graph`);
  assertEquals(findCycles(graph).map((cycle) => cycle.join(" → ")), []);
});

Deno.test("the folders of src/ depend one way (cli → config, report → outputs → inventory → forecast → data)", async () => {
  const graph = await importGraph(["src/cli.ts", ...await sourceFiles("src")]);
  // A file in a folder of src/ counts as its folder; src/cli.ts and src/version.ts as themselves.
  const folder = (file: string) => {
    const parts = file.split("/");
    return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
  };
  const folders = new Map<string, Set<string>>();
  for (const [from, to] of graph) {
    for (const target of to) {
      if (folder(from) === folder(target)) continue;
      const set = folders.get(folder(from)) ?? new Set<string>();
      folders.set(folder(from), set.add(folder(target)));
    }
  }
  const cycles = findCycles(new Map([...folders].map(([k, v]) => [k, [...v].sort()])));
  assertEquals(cycles.map((cycle) => cycle.join(" → ")), []);
});

Deno.test("the cycle finder finds a cycle", () => {
  const graph = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
  assertEquals(findCycles(graph), [["a", "b", "c", "a"]]);
});

Deno.test("no file in src/ is over 300 lines", async () => {
  const long: string[] = [];
  for (const file of await sourceFiles("src")) {
    const lines = (await Deno.readTextFile(`${ROOT}${file}`)).split("\n").length - 1;
    if (lines > 300) long.push(`${file}: ${lines} lines`);
  }
  assertEquals(long, []);
});

Deno.test("no model name is parsed: capabilities are declared", async () => {
  const found: string[] = [];
  for (const file of await sourceFiles("src")) {
    const text = await Deno.readTextFile(`${ROOT}${file}`);
    for (const pattern of [/startsWith\("lstm/, /=== "lstm/, /=== "snaive7"/]) {
      if (pattern.test(text)) found.push(`${file}: ${pattern.source}`);
    }
  }
  assertEquals(found, []);
});

Deno.test("all CSV goes through src/data/csv.ts", async () => {
  const direct: string[] = [];
  for (const file of await sourceFiles("src")) {
    if (file === "src/data/csv.ts") continue;
    if ((await Deno.readTextFile(`${ROOT}${file}`)).includes(`"d3-dsv"`)) direct.push(file);
  }
  assertEquals(direct, []);
});
