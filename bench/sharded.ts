/**
 * The sharded path, timed: `plan --shard K/N` for K = 1…N as N processes at once, `merge`, then
 * `report --from` — and one `plan` of the same candidates for comparison; prints one JSON line
 * with the seconds of each step and whether the merged files equal the single run's, byte for
 * byte. The candidates are the default ones without networks (shards train per-product models
 * only; lstm-global spans all products). Usage: deno run -A bench/sharded.ts DATA N WORKDIR
 */

import { join } from "node:path";
import { DEFAULT_CANDIDATES, LSTM_MODELS } from "../src/forecast/registry.ts";

const [data, shardText, work] = Deno.args;
const shards = Number(shardText);
const cli = new URL("../src/cli.ts", import.meta.url).pathname;
const networks = new Set(LSTM_MODELS.map((m) => m.name));
const models = DEFAULT_CANDIDATES.filter((name) => !networks.has(name)).join(",");
const COMPARED = ["forecast.csv", "plan.csv", "plan_daily.csv", "alerts.csv", "backtest.csv.gz"];

async function run(args: string[]): Promise<void> {
  const child = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", cli, ...args],
    env: { INIT_CWD: Deno.cwd() },
    stdout: "null",
    stderr: "piped",
  }).output();
  if (child.code !== 0) {
    throw new Error(`${args[0]} failed: ${new TextDecoder().decode(child.stderr).trim()}`);
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

const plan = ["plan", "--quiet", "--data", data, "--models", models, "--simulate"];
const dirs = Array.from({ length: shards }, (_, k) => join(work, "shards", String(k + 1)));
const shardSeconds = await timed(() =>
  Promise.all(dirs.map((dir, k) => run([...plan, "--shard", `${k + 1}/${shards}`, "--out", dir])))
);
const merged = join(work, "merged");
const mergeSeconds = await timed(() =>
  run(["merge", "--data", data, "--from", dirs.join(","), "--out", merged])
);
const reportSeconds = await timed(() =>
  run([
    "report",
    "--quiet",
    "--data",
    data,
    "--from",
    merged,
    "--no-pdf",
    "--out",
    join(work, "report"),
  ])
);
const single = join(work, "single");
const singleSeconds = await timed(() => run([...plan, "--out", single]));
const different: string[] = [];
for (const name of COMPARED) {
  const [a, b] = await Promise.all([merged, single].map((dir) => Deno.readFile(join(dir, name))));
  if (a.length !== b.length || a.some((byte, i) => byte !== b[i])) different.push(name);
}
console.log(JSON.stringify({
  shards: shardSeconds,
  merge: mergeSeconds,
  report: reportSeconds,
  single: singleSeconds,
  identical: different.length === 0,
  different,
}));
