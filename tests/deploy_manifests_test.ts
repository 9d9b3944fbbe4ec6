/**
 * The Kubernetes example in deploy/ stays in sync with the CLI: every command its Jobs run is a
 * `deno task` of deno.json running that CLI command, its flags parse and pass the command's own
 * checks, a first job trains the global networks where the shards load them, the shards are
 * numbered 1…N as the Indexed Job counts them and use a single run's candidates, and the merge
 * reads exactly the directories the shards write, from the same data.
 */
import { COMMANDS } from "../src/cli.ts";
import { parseFlags } from "../src/cli/args.ts";
import { assert, assertEquals } from "./helpers/assert.ts";

const DEPLOY = new URL("../deploy/", import.meta.url);
const TASKS: Record<string, string> = JSON.parse(
  await Deno.readTextFile(new URL("../deno.json", import.meta.url)),
).tasks;

/** The shell commands of a manifest's container `args` (a folded `>-` block, split on `&&`). */
function shellCommands(yaml: string): string[] {
  const lines = yaml.split("\n");
  const start = lines.findIndex((line) => /^\s*- >-\s*$/.test(line));
  assert(start >= 0, "the container runs a folded shell command");
  const indent = lines[start].search(/\S/);
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== "" && line.search(/\S/) <= indent) break;
    body.push(line.trim());
  }
  return body.join(" ").split("&&").map((command) => command.trim());
}

/** One `deno task CMD flags…` command, checked against deno.json and the CLI; returns its flags. */
function checkCommand(shell: string): { name: string; flags: Map<string, string> } {
  const words = shell.split(/\s+/);
  assertEquals(words.slice(0, 2), ["deno", "task"], shell);
  const name = words[2];
  assert(TASKS[name]?.includes(`src/cli.ts ${name}`), `deno task ${name} runs the CLI's ${name}`);
  const command = COMMANDS.find((c) => c.name === name);
  assert(command, `the CLI has a ${name} command`);
  const argv = words.slice(3);
  command.check(parseFlags(command, argv)); // throws an InputError when a flag or value is wrong
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const takesValue = command.flags[flag.slice(2)]?.type === "string";
    flags.set(flag, takesValue ? argv[++i] : "");
  }
  return { name, flags };
}

Deno.test("the Kubernetes Jobs run deno tasks whose flags the CLI accepts, shards 1…N merged whole", async () => {
  const shardsYaml = await Deno.readTextFile(new URL("returncast-shards.yaml", DEPLOY));
  const mergeYaml = await Deno.readTextFile(new URL("returncast-merge.yaml", DEPLOY));
  const networksYaml = await Deno.readTextFile(new URL("returncast-networks.yaml", DEPLOY));
  const n = Number(/completions: (\d+)/.exec(shardsYaml)?.[1]);
  assert(/completionMode: Indexed/.test(shardsYaml), "an Indexed Job");
  assertEquals(Number(/parallelism: (\d+)/.exec(shardsYaml)?.[1]), n, "every shard at once");

  const [shardShell] = shellCommands(shardsYaml);
  const shardDirs: string[] = [];
  let shardData = "";
  let shardModels = "";
  for (let index = 0; index < n; index++) {
    // What the pod's shell makes of the index Kubernetes gives pod `index`.
    const shell = shardShell.replaceAll("$((JOB_COMPLETION_INDEX + 1))", String(index + 1));
    const { name, flags } = checkCommand(shell);
    assertEquals(name, "plan");
    assertEquals(flags.get("--shard"), `${index + 1}/${n}`);
    // The candidates of a single run: the defaults, lstm-global among them above 50 products.
    assertEquals(flags.get("--models"), undefined, "the default candidates, as a single run");
    shardDirs.push(flags.get("--out")!);
    shardData = flags.get("--data")!;
    shardModels = flags.get("--models-dir")!;
  }
  assertEquals(new Set(shardDirs).size, n, "each shard its own --out");

  // The first job trains the global networks on all products where the shards load them.
  const [networksShell, ...after] = shellCommands(networksYaml);
  assertEquals(after, []);
  const networks = checkCommand(networksShell);
  assertEquals(networks.name, "plan");
  assert(networks.flags.has("--networks-only"), "plan --networks-only");
  assertEquals(networks.flags.get("--shard"), undefined, "on all products");
  assertEquals(networks.flags.get("--data"), shardData, "the shards' data");
  assertEquals(networks.flags.get("--models-dir"), shardModels, "where the shards read them");
  assertEquals(networks.flags.get("--models"), undefined, "the shards' candidates");
  assert(shardsYaml.includes("returncast-networks.yaml"), "the shards say to run it first");

  const [mergeShell, reportShell, ...rest] = shellCommands(mergeYaml);
  assertEquals(rest, []);
  const merge = checkCommand(mergeShell);
  const report = checkCommand(reportShell);
  assertEquals([merge.name, report.name], ["merge", "report"]);
  assertEquals(
    merge.flags.get("--from")!.split(","),
    shardDirs,
    "merge reads every shard, in order",
  );
  assertEquals(merge.flags.get("--data"), shardData, "from the shards' data");
  assertEquals(report.flags.get("--from"), merge.flags.get("--out"));
  assertEquals(report.flags.get("--data"), shardData);

  const dockerfile = await Deno.readTextFile(new URL("Dockerfile", DEPLOY));
  assert(/ENTRYPOINT \["deno", "task"\]/.test(dockerfile), "the image runs tasks");
  assert(
    !/-A\b|--allow-all/.test(shardsYaml + mergeYaml + networksYaml + dockerfile),
    "least privilege",
  );
});

Deno.test("the image caches every worker's modules, which the CLI's module graph does not reach", async () => {
  const dockerfile = await Deno.readTextFile(new URL("Dockerfile", DEPLOY));
  const cached = /RUN deno cache ([^\n]+)/.exec(dockerfile)?.[1].split(/\s+/) ?? [];
  const src = new URL("../src/", import.meta.url);
  const entries: string[] = [];
  const walk = async (dir: URL, rel: string) => {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isDirectory) await walk(new URL(`${entry.name}/`, dir), `${rel}${entry.name}/`);
      else if (entry.name.endsWith(".ts")) {
        const text = await Deno.readTextFile(new URL(entry.name, dir));
        for (const m of text.matchAll(/new Worker\(new URL\("\.\/([^"]+)", import\.meta\.url\)/g)) {
          entries.push(`src/${rel}${m[1]}`);
        }
      }
    }
  };
  await walk(src, "");
  assert(entries.length >= 2, `found the workers: ${entries.join(", ")}`);
  for (const entry of entries) assert(cached.includes(entry), `the image does not cache ${entry}`);
  for (const entry of ["src/cli.ts", "src/cli/report_compute.ts"]) {
    assert(cached.includes(entry), `the image does not cache ${entry}`);
  }
});
