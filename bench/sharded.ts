/**
 * The sharded path, timed: the first job (`plan --networks-only`, the global networks trained once),
 * `plan --shard K/N` for K = 1…N as N processes at once on the same model store, `merge`, then
 * `report --from` — and one `plan` with models of its own, trained fresh, for comparison; prints one
 * JSON line with the seconds of each step and whether the merged files equal the single run's, byte
 * for byte. The candidates are a single run's defaults (lstm-global above 50 products, lstm below).
 * Usage: deno run -A bench/sharded.ts DATA N WORKDIR
 */

import { join } from "node:path";
import { V8_FLAGS } from "./common.ts";

const [data, shardText, work] = Deno.args;
const shards = Number(shardText);
const cli = new URL("../src/cli.ts", import.meta.url).pathname;
const COMPARED = ["forecast.csv", "plan.csv", "plan_daily.csv", "alerts.csv", "backtest.csv.gz"];

async function run(args: string[]): Promise<void> {
  const child = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", V8_FLAGS, cli, ...args],
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

const store = ["--models-dir", join(work, "models-shared")];
const networksSeconds = await timed(() =>
  run(["plan", "--quiet", "--data", data, "--networks-only", ...store])
);
const plan = ["plan", "--quiet", "--data", data, "--simulate"];
const dirs = Array.from({ length: shards }, (_, k) => join(work, "shards", String(k + 1)));
const shardSeconds = await timed(() =>
  Promise.all(
    dirs.map((dir, k) => run([...plan, ...store, "--shard", `${k + 1}/${shards}`, "--out", dir])),
  )
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
const singleSeconds = await timed(() =>
  run([...plan, "--models-dir", join(work, "models-single"), "--out", single])
);
const different: string[] = [];
for (const name of COMPARED) {
  const [a, b] = await Promise.all([merged, single].map((dir) => Deno.readFile(join(dir, name))));
  if (a.length !== b.length || a.some((byte, i) => byte !== b[i])) different.push(name);
}
console.log(JSON.stringify({
  networks: networksSeconds,
  shards: shardSeconds,
  merge: mergeSeconds,
  report: reportSeconds,
  single: singleSeconds,
  identical: different.length === 0,
  different,
}));
