/**
 * Least privilege (issue 12): the user-facing tasks run without `-A`, with no network and no FFI,
 * and may start only Chromium; under exactly those permissions tfjs still runs on wasm.
 */
import { join } from "node:path";
import { assert, assertEquals } from "../helpers/assert.ts";
import { ROOT, runCli, taskPermissions, tempDir } from "../helpers/cli.ts";
import { CHROMIUM_PATHS } from "../../src/report/chromium.ts";

const USER_TASKS = [
  "report",
  "plan",
  "forecast",
  "backtest",
  "train",
  "validate",
  "generate",
  "import",
  "merge",
];

Deno.test("user-facing tasks grant no network, no FFI, no -A, and run only Chromium", () => {
  for (const task of USER_TASKS) {
    const flags = taskPermissions(task);
    for (const flag of flags) {
      assert(
        /^--allow-(read|write|env)$/.test(flag) ||
          (task === "report" && flag.startsWith("--allow-run=")),
        `${task} grants ${flag}`,
      );
    }
    assert(flags.includes("--allow-read"), `${task} reads its input`);
  }
  assertEquals(taskPermissions("validate").includes("--allow-write"), false, "validate only reads");
  const run = taskPermissions("report").find((flag) => flag.startsWith("--allow-run="))!;
  assertEquals(run.slice("--allow-run=".length).split(","), [...CHROMIUM_PATHS]);
});

Deno.test("under the train task's permissions tfjs runs on its wasm backend, in workers too", async () => {
  const probe = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      ...taskPermissions("train"),
      "--quiet",
      `${ROOT}tests/helpers/tf_backend_probe.ts`,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  assertEquals(decode(probe.stdout).trim(), "wasm", decode(probe.stderr));
  const root = await tempDir();
  try {
    const data = join(root.path, "d.csv");
    assertEquals(
      (await runCli(["generate", "--products", "2", "--days", "200", "--out", data])).code,
      0,
    );
    const train = await runCli([
      "train",
      "--data",
      data,
      "--epochs",
      "1",
      "--models-dir",
      join(root.path, "models"),
    ]);
    assertEquals(train.code, 0, train.stderr);
    assert(!train.stderr.includes("wasm backend did not start"), train.stderr);
  } finally {
    await root.cleanup();
  }
});
