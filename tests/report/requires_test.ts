import { assertEquals, assertIncludes } from "../helpers/assert.ts";
import { CHROMIUM, onPath, planToolTest, POPPLER, type Tool } from "../helpers/requires.ts";

const present: Tool = { what: "Present", found: () => true, install: "nothing to do" };
const missing: Tool = {
  what: "Chromium",
  found: () => false,
  install: "apt-get install chromium (or set CHROME_PATH)",
};

Deno.test("a test whose tools are all found runs normally", () => {
  assertEquals(planToolTest("prints", [present], {}), { name: "prints", ignore: false });
  assertEquals(planToolTest("prints", [present], { CI: "true" }), {
    name: "prints",
    ignore: false,
  });
});

Deno.test("a missing tool outside CI skips the test and says how to install it", () => {
  const plan = planToolTest("prints", [present, missing], { CI: "false" });
  assertEquals(plan, {
    name:
      "prints (skipped: Chromium not found — install: apt-get install chromium (or set CHROME_PATH))",
    ignore: true,
  });
});

Deno.test("a missing tool under CI=true makes the test fail with the same message", () => {
  const plan = planToolTest("prints", [missing], { CI: "true" });
  assertEquals(plan.name, "prints");
  assertEquals(plan.ignore, false);
  assertIncludes(plan.failure ?? "", "Chromium not found — install: apt-get install chromium");
  assertIncludes(plan.failure ?? "", "CI installs every tool");
});

Deno.test("several missing tools are all named", () => {
  const other: Tool = { what: "poppler-utils", found: () => false, install: "apt-get install x" };
  const plan = planToolTest("t", [missing, other], {});
  assertIncludes(plan.name, "Chromium not found");
  assertIncludes(plan.name, "; poppler-utils not found — install: apt-get install x)");
});

Deno.test("onPath finds executables in PATH directories only", () => {
  assertEquals(onPath("sh", "/bin:/usr/bin"), true);
  assertEquals(onPath("no-such-command-returncast", "/bin:/usr/bin"), false);
  assertEquals(onPath("sh", ""), false);
  assertEquals(typeof CHROMIUM.found(), "boolean");
  assertEquals(typeof POPPLER.found(), "boolean");
});
