import { TFJS_VERSION } from "../src/version.ts";
import { assertEquals } from "./helpers/assert.ts";
import { ROOT } from "./helpers/cli.ts";

Deno.test("the TensorFlow.js version the reports state is the one deno.json pins", async () => {
  const config = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
  assertEquals(config.imports["@tensorflow/tfjs"], `npm:@tensorflow/tfjs@${TFJS_VERSION}`);
});
