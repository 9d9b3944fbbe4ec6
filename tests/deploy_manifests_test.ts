/**
 * The Kubernetes example in deploy/ stays in sync with the CLI: every command its Jobs run is a
 * `deno task` of deno.json running that CLI command, its flags parse and pass the command's own
 * checks, the shards are numbered 1…N as the Indexed Job counts them, and the merge reads exactly
 * the directories the shards write, from the same data.
 */
import { COMMANDS } from "../src/cli.ts";
import { parseFlags } from "../src/cli/args.ts";
import { DEFAULT_CANDIDATES } from "../src/forecast/registry.ts";
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
  const n = Number(/completions: (\d+)/.exec(shardsYaml)?.[1]);
  assert(/completionMode: Indexed/.test(shardsYaml), "an Indexed Job");
  assertEquals(Number(/parallelism: (\d+)/.exec(shardsYaml)?.[1]), n, "every shard at once");

  const [shardShell] = shellCommands(shardsYaml);
  const shardDirs: string[] = [];
  let shardData = "";
  for (let index = 0; index < n; index++) {
    // What the pod's shell makes of the index Kubernetes gives pod `index`.
    const shell = shardShell.replaceAll("$((JOB_COMPLETION_INDEX + 1))", String(index + 1));
    const { name, flags } = checkCommand(shell);
    assertEquals(name, "plan");
    assertEquals(flags.get("--shard"), `${index + 1}/${n}`);
    // The default candidates, per product (lstm-global spans all products; shards refuse it).
    assertEquals(flags.get("--models")?.split(","), [...DEFAULT_CANDIDATES], "the defaults");
    shardDirs.push(flags.get("--out")!);
    shardData = flags.get("--data")!;
  }
  assertEquals(new Set(shardDirs).size, n, "each shard its own --out");

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
  assert(!/-A\b|--allow-all/.test(shardsYaml + mergeYaml + dockerfile), "least privilege");
});
