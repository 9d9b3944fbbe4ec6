import { join } from "node:path";
import { checkOutputFile, FILES_RECORD, writeOutputFile } from "../../src/io/output_file.ts";
import { InputError } from "../../src/io/errors.ts";
import { assertEquals, assertRejects } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";

Deno.test("a file output never replaces an input, also through a symbolic or hard link", async () => {
  const root = await tempDir();
  try {
    const data = join(root.path, "d.csv");
    await Deno.writeTextFile(data, "date,product_id,sales,returns\n");
    const input = [{ path: data, flag: "--data" }];
    await assertRejects(() => checkOutputFile(data, input, true), InputError, "is the input");
    await Deno.symlink(data, join(root.path, "soft.csv"));
    await assertRejects(
      () => checkOutputFile(join(root.path, "soft.csv"), input, true),
      InputError,
    );
    await Deno.link(data, join(root.path, "hard.csv"));
    await assertRejects(
      () => checkOutputFile(join(root.path, "hard.csv"), input, true),
      InputError,
    );
    await assertRejects(() => checkOutputFile(root.path, [], true), InputError, "is a directory");
  } finally {
    await root.cleanup();
  }
});

Deno.test("a file Returncast did not write is kept unless --force; its own files are replaced", async () => {
  const root = await tempDir();
  try {
    const mine = join(root.path, "users.csv");
    await Deno.writeTextFile(mine, "precious");
    await assertRejects(() => checkOutputFile(mine, []), InputError, "--force");
    await checkOutputFile(mine, [], true);
    const out = join(root.path, "forecast.csv");
    await checkOutputFile(out, []);
    await writeOutputFile(out, "a,b\n");
    await checkOutputFile(out, []);
    await writeOutputFile(out, ["a,b\n", "1,2\n"]);
    assertEquals(await Deno.readTextFile(out), "a,b\n1,2\n");
    await checkOutputFile(out, []);
    // Edited by the user since: theirs again.
    await Deno.writeTextFile(out, "edited");
    await assertRejects(() => checkOutputFile(out, []), InputError, "changed since");
    const record = JSON.parse(await Deno.readTextFile(join(root.path, FILES_RECORD)));
    assertEquals(Object.keys(record.files), ["forecast.csv"]);
  } finally {
    await root.cleanup();
  }
});
