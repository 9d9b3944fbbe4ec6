import { assert, assertEquals, assertRejects } from "../helpers/assert.ts";
import { reportArgs, runReport } from "../../src/notebooks/run_report.ts";
import { tempDir } from "../helpers/cli.ts";

const OPTIONS = {
  data: "data/x.csv",
  out: "reports/x",
  modelsDir: "models/x",
  seed: 7,
  horizon: 28,
  settings: {
    leadTime: 5,
    reviewPeriod: 7,
    restockRate: 0.5,
    fillRate: 0.97,
    cycleService: 0.9,
    safetyFactor: 1.3,
    costs: { holding: 0.1, shortage: 2 },
  },
  pdf: true,
};

Deno.test("reportArgs passes every setting to deno task report as a flag", () => {
  assertEquals(reportArgs({ ...OPTIONS, models: ["ets", "lag"] }, "/p/src/cli.ts"), [
    "run",
    "--allow-all",
    "/p/src/cli.ts",
    "report",
    "--data",
    "data/x.csv",
    "--out",
    "reports/x",
    "--models-dir",
    "models/x",
    "--seed",
    "7",
    "--horizon",
    "28",
    "--lead-time",
    "5",
    "--review-period",
    "7",
    "--restock-rate",
    "0.5",
    "--fill-rate",
    "0.97",
    "--cycle-service",
    "0.9",
    "--safety-factor",
    "1.3",
    "--holding-cost",
    "0.1",
    "--shortage-cost",
    "2",
    "--models",
    "ets,lag",
    "--quiet",
  ]);
  const args = reportArgs({ ...OPTIONS, pdf: false });
  assertEquals(args.at(-1), "--no-pdf");
  assert(args[2].endsWith("src/cli.ts"), args[2]);
});

Deno.test("runReport fails with the command's own message", async () => {
  const dir = await tempDir();
  try {
    await assertRejects(
      () => runReport({ ...OPTIONS, data: `${dir.path}/missing.csv`, out: `${dir.path}/out` }),
      Error,
      "deno task report failed (exit 2): ",
      "missing.csv",
    );
  } finally {
    await dir.cleanup();
  }
});
