/**
 * The report's worker (`src/cli/report_job.ts`): it computes and names the files, writes them
 * where it is told, and ends; what goes wrong in it comes back as it was thrown.
 */
import { join } from "node:path";
import { assert, assertEquals } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { startReportJob } from "../../src/cli/report_job.ts";
import { resolveOptions } from "../../src/config/option.ts";
import { PLANNING_RUN_OPTIONS } from "../../src/config/run_config.ts";
import { InputError } from "../../src/io/errors.ts";

const configOf = (flags: Record<string, string | boolean>) =>
  resolveOptions("report", PLANNING_RUN_OPTIONS, flags);

Deno.test("the report's worker names its files, writes them when told, and then has ended", async () => {
  const root = await tempDir();
  try {
    const data = join(root.path, "d.csv");
    const made = await runCli(["generate", "--products", "2", "--days", "200", "--out", data]);
    assertEquals(made.code, 0);
    const job = await startReportJob(
      configOf({ data, models: "snaive7,ma28", quiet: true, "models-dir": join(root.path, "m") }),
    );
    assert(
      job.names.includes("report.html") && job.names.includes("forecast.csv"),
      job.names.join(),
    );
    const out = join(root.path, "out");
    await Deno.mkdir(out);
    await job.write(out, { settle: false });
    assertEquals([...Deno.readDirSync(out)].map((e) => e.name).sort(), [...job.names].sort());
    let again: unknown;
    await job.write(out, { settle: false }).catch((error) => again = error);
    assert(again instanceof Error && /has ended/.test(again.message), String(again));
  } finally {
    await root.cleanup();
  }
});

Deno.test("bad input in the report's worker is an InputError in the main thread", async () => {
  let thrown: unknown;
  await startReportJob(configOf({ data: "/nonexistent/returncast/d.csv", quiet: true }))
    .catch((error) => thrown = error);
  assert(thrown instanceof InputError, String(thrown));
  assert(/nonexistent/.test(thrown.message), thrown.message);
});
