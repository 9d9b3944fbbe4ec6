/**
 * The explorer's committed bundle (`src/report/explorer/bundle.gen.ts`, from `deno task bundle`)
 * is up to date with its inputs — the local modules it is built from, the npm packages they
 * reach, the flags — and can be inlined as it is. `deno task bundle --verify` rebuilds and
 * compares bytes (stricter: it also notices a changed bundler).
 */

import { assert, assertEquals } from "../helpers/assert.ts";
import { bundleInputs, ENTRY } from "../../tools/bundle.ts";
import { EXPLORER_INPUTS_HASH, EXPLORER_JS } from "../../src/report/explorer/bundle.gen.ts";
import { checkInlineScript } from "../../src/report/embed.ts";

Deno.test("the committed explorer bundle is up to date with its inputs", async () => {
  const inputs = await bundleInputs();
  assertEquals(
    EXPLORER_INPUTS_HASH,
    inputs.hash,
    "src/report/explorer/bundle.gen.ts is stale: run deno task bundle and commit it",
  );
  assert(inputs.files.includes(ENTRY), "the entry is an input");
  assert(inputs.files.includes("src/inventory/policies/registry.ts"), "the policies are inputs");
  assert(inputs.files.includes("src/report/charts/forecast.ts"), "the charts are inputs");
  assert(!inputs.files.some((f) => f.endsWith("server_document.ts")), "linkedom stays out");
  assert(!inputs.packages.some((p) => p.startsWith("linkedom@")), "linkedom stays out");
  assert(inputs.packages.some((p) => p.startsWith("@observablehq/plot@")), inputs.packages.join());
  assertEquals(checkInlineScript(EXPLORER_JS), EXPLORER_JS);
});
