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
    assertEquals(p1.policy, "fill-rate");
    assertEquals(p1.target, "0.95");
    assert(Number(p1.error_samples) > 0, "safety stock from the forecast's own errors");
    assert(Number(p1.order_qty) > 0, "P001 needs an order");
    assert(Math.abs(Number(p1.order_qty) - Math.ceil(Number(p1.order_up_to) - 100)) <= 1);
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
    const names = ["fill-rate", "cycle-service", "cost", "multiplier", "multiplier-matched"];
    assertEquals(Object.keys(simulation.policies), names);
    for (const name of names) {
      for (
        const key of [
          "fill_rate",
          "cycle_service",
          "stockout_days",
          "avg_stock",
          "days_of_cover",
          "avg_on_hand",
          "holding_cost",
          "shortage_cost",
          "total_cost",
        ]
      ) {
        assert(key in simulation.policies[name], `${name}.${key}`);
      }
    }
    assert(simulation.products.P002["fill-rate"].fill_rate > 0.85, "per product figures");
    assertEquals(
      simulation.policies["multiplier-matched"].fill_rate.toFixed(2),
      simulation.policies["fill-rate"].fill_rate.toFixed(2),
    );
    const curve = simulation.tradeoff["fill-rate"];
    for (const point of curve) {
      // The multiplier is compared where it reaches the same fill rate, not just short of it.
      assert(point.matched_fill_rate >= point.fill_rate, `matched at ${point.target}`);
    }
    assertEquals(curve[0].target, 0.8);
    assertEquals(curve.at(-1).target, 0.995);
    assert(curve.at(-1).avg_stock > curve[0].avg_stock, "a higher target takes more stock");
    assertEquals(simulation.tradeoff.multiplier[0].factor, 0.5);
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
  assertIncludes(policy.stderr, "--policy must be");
  assertIncludes(policy.stderr, "fill-rate");
  const both = await runCli([
    "plan",
    "--service-level",
    "0.9",
    "--cycle-service",
    "0.9",
    "--out",
    "x",
  ]);
  assertEquals(both.code, 2);
  assertIncludes(both.stderr, "alias of --cycle-service");
  const target = await runCli(["plan", "--fill-rate", "1.2", "--out", "x"]);
  assertEquals(target.code, 2);
  assertIncludes(target.stderr, "--fill-rate");
});

Deno.test("plan: --policy cost, --service-level as --cycle-service, order constraints", async () => {
  const dir = await tempDir();
  try {
    const data = `${dir.path}/d.csv`;
    const args = ["generate", "--products", "2", "--days", "300", "--quiet", "--out", data];
    assertEquals((await runCli(args)).code, 0);
    await Deno.writeTextFile(
      `${dir.path}/packs.csv`,
      "product_id,case_pack,min_order,lead_time\nP001,24,100,10\n",
    );
    await Deno.writeTextFile(`${dir.path}/stock.csv`, "product_id,on_hand\nP001,0\nP002,0\n");
    const plan = async (extra: string[]) => {
      const out = `${dir.path}/plan-${extra.join("").replace(/[^a-z0-9]/gi, "")}`;
      const run = await runCli([
        "plan",
        "--data",
        data,
        "--models",
        BASELINES,
        "--quiet",
        ...extra,
        "--out",
        out,
      ]);
      assertEquals(run.code, 0, run.stderr);
      const rows = parseCsvRows(await Deno.readTextFile(`${out}/plan.csv`));
      return rows.slice(1).map((row) =>
        Object.fromEntries(rows[0].map((name, i) => [name, row[i]]))
      );
    };
    const cost = await plan(["--policy", "cost", "--on-hand", `${dir.path}/stock.csv`]);
    assertEquals(cost[0].policy, "cost");
    const alias = await plan(["--service-level", "0.9"]);
    const cycle = await plan(["--policy", "cycle-service", "--cycle-service", "0.9"]);
    assertEquals(alias[0].policy, "cycle-service");
    assertEquals(alias.map((r) => r.order_up_to), cycle.map((r) => r.order_up_to));
    const packed = await plan([
      "--order-constraints",
      `${dir.path}/packs.csv`,
      "--on-hand",
      `${dir.path}/stock.csv`,
    ]);
    assertEquals([packed[0].case_pack, packed[0].min_order, packed[0].lead_time], [
      "24",
      "100",
      "10",
    ]);
    const quantity = Number(packed[0].order_qty);
    assert(quantity >= 100 && quantity % 24 === 0, `P001 orders whole packs: ${quantity}`);
    assertEquals(packed[1].lead_time, "7");
  } finally {
    await dir.cleanup();
  }
});
