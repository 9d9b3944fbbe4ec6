import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import { runCli, tempDir } from "../helpers/cli.ts";
import { parseCsvRows } from "../../src/data/csv.ts";

const BASELINES = "snaive7,ma28,ets,lag";

Deno.test("plan writes plan.csv, plan_daily.csv, alerts.csv and simulation.json", async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/d.csv`;
    assertEquals(
      (await runCli(["generate", "--products", "2", "--days", "300", "--quiet", "--out", data]))
        .code,
      0,
    );
    await Deno.writeTextFile(
      `${dir.path}/stock.csv`,
      "product_id,on_hand,on_order\nP001,100,0\nP002,5000,0\n",
    );
    const out = `${dir.path}/plan`;
    const run = await runCli([
      "plan",
      "--data",
      data,
      "--models",
      BASELINES,
      "--simulate",
      "--on-hand",
      `${dir.path}/stock.csv`,
      "--quiet",
      "--out",
      out,
    ]);
    assertEquals(run.code, 0, run.stderr);
    const plan = parseCsvRows(await Deno.readTextFile(`${out}/plan.csv`));
    assertEquals(plan[0].slice(0, 2), ["product_id", "policy"]);
    assertEquals(plan[0].slice(-3), ["on_hand", "on_order", "order_qty"]);
    const p1 = Object.fromEntries(plan[0].map((name, i) => [name, plan[1][i]]));
    assertEquals(p1.policy, "service-level");
    assertEquals(p1.z, "1.645");
    assert(Number(p1.order_qty) > 0, "P001 needs an order");
    assertEquals(Number(p1.order_qty), Math.ceil(Number(p1.order_up_to) - 100));
    const daily = parseCsvRows(await Deno.readTextFile(`${out}/plan_daily.csv`));
    assertEquals(daily.length - 1, 2 * 30);
    assert(daily.slice(1).every((row) => Number(row[4]) >= 0), "recommended inventory ≥ 0");
    const alerts = parseCsvRows(await Deno.readTextFile(`${out}/alerts.csv`));
    assertEquals(alerts[0], [
      "product_id",
      "severity",
      "rule",
      "value",
      "threshold",
      "message",
      "action",
    ]);
    assert(
      alerts.some((row) => row[0] === "P001" && row[2] === "stockout-risk"),
      "P001 stockout risk",
    );
    const simulation = JSON.parse(await Deno.readTextFile(`${out}/simulation.json`));
    for (const name of ["service-level", "multiplier", "multiplier-matched"]) {
      for (
        const key of [
          "fill_rate",
          "stockout_days",
          "avg_on_hand",
          "holding_cost",
          "shortage_cost",
          "total_cost",
        ]
      ) {
        assert(key in simulation.policies[name], `${name}.${key}`);
      }
    }
    assert(simulation.products.P002["service-level"].fill_rate > 0.9, "per product figures");
    assertEquals(
      simulation.policies["multiplier-matched"].fill_rate.toFixed(2),
      simulation.policies["service-level"].fill_rate.toFixed(2),
    );
    assertIncludes(run.stdout, "multiplier-matched");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("plan rejects a safety factor outside 1.0–2.0 and an unknown policy", async () => {
  const bad = await runCli(["plan", "--safety-factor", "2.5", "--out", "x"]);
  assertEquals(bad.code, 2);
  assertIncludes(bad.stderr, "--safety-factor must be a number from 1 to 2");
  const policy = await runCli(["plan", "--policy", "gut-feeling", "--out", "x"]);
  assertEquals(policy.code, 2);
  assertIncludes(policy.stderr, "--policy must be service-level or multiplier");
});
