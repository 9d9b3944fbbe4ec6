import { join } from "node:path";
import { checkOutputDir, OUTPUT_MANIFEST, writeOutputDir } from "../../src/io/output_dir.ts";
import { InputError } from "../../src/io/errors.ts";
import { assertEquals, assertRejects } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";

const files = (content: string) => new Map([["plan.csv", content], ["alerts.csv", "a\n"]]);

Deno.test("an output directory holding an input is refused before any work", async () => {
  const root = await tempDir();
  try {
    const dir = join(root.path, "v");
    await Deno.mkdir(dir);
    await Deno.writeTextFile(join(dir, "data.csv"), "x");
    await assertRejects(
      () => checkOutputDir(dir, [{ path: join(dir, "data.csv"), flag: "--data" }]),
      InputError,
      "contains the input given to --data",
    );
    await assertRejects(
      () => checkOutputDir(root.path, [{ path: join(dir, "data.csv"), flag: "--data" }]),
      InputError,
      "contains the input",
    );
    await assertRejects(
      () => checkOutputDir(dir, [{ path: dir, flag: "--from" }]),
      InputError,
      "is the input given to --from",
    );
  } finally {
    await root.cleanup();
  }
});

Deno.test("/, home, the current directory and their ancestors are refused", async () => {
  for (const dir of ["/", Deno.env.get("HOME")!, Deno.cwd(), join(Deno.cwd(), "..")]) {
    await assertRejects(() => checkOutputDir(dir, []), InputError, dir);
  }
});

Deno.test("a file, a symbolic link and a foreign non-empty directory are refused", async () => {
  const root = await tempDir();
  try {
    const file = join(root.path, "notes.txt");
    await Deno.writeTextFile(file, "mine");
    await assertRejects(() => checkOutputDir(file, []), InputError, "existing file");
    const foreign = join(root.path, "photos");
    await Deno.mkdir(foreign);
    await Deno.writeTextFile(join(foreign, "a.jpg"), "x");
    await assertRejects(() => checkOutputDir(foreign, []), InputError, "did not write");
    await Deno.symlink(foreign, join(root.path, "link"));
    await assertRejects(() => checkOutputDir(join(root.path, "link"), []), InputError, "link");
    // The refusal holds at write time too, and nothing is touched.
    await assertRejects(() => writeOutputDir(foreign, "plan", files("p\n")), InputError);
    assertEquals(await Deno.readTextFile(join(foreign, "a.jpg")), "x");
    assertEquals(await Deno.readTextFile(file), "mine");
  } finally {
    await root.cleanup();
  }
});

Deno.test("a new, an empty or an earlier output is written; files the user added stay", async () => {
  const root = await tempDir();
  try {
    const dir = join(root.path, "out");
    await checkOutputDir(dir, []);
    await writeOutputDir(dir, "plan", files("first\n"));
    const manifest = await Deno.readTextFile(join(dir, OUTPUT_MANIFEST));
    assertEquals(JSON.parse(manifest), {
      returncast: "output",
      command: "plan",
      files: ["alerts.csv", "plan.csv"],
      kept: [],
    });
    await Deno.writeTextFile(join(dir, "README.md"), "about this report");
    await checkOutputDir(dir, []);
    await writeOutputDir(dir, "plan", files("second\n"), async (temp) => {
      await Deno.writeTextFile(join(temp, "report.pdf"), "pdf");
      return ["report.pdf"];
    });
    assertEquals(await Deno.readTextFile(join(dir, "plan.csv")), "second\n");
    assertEquals(await Deno.readTextFile(join(dir, "README.md")), "about this report");
    const again = JSON.parse(await Deno.readTextFile(join(dir, OUTPUT_MANIFEST)));
    assertEquals(again.files, ["alerts.csv", "plan.csv", "report.pdf"]);
    assertEquals(again.kept, ["README.md"]);
    // Deterministic: the same run writes the same manifest bytes.
    await writeOutputDir(dir, "plan", files("second\n"), async (temp) => {
      await Deno.writeTextFile(join(temp, "report.pdf"), "pdf");
      return ["report.pdf"];
    });
    assertEquals(
      await Deno.readTextFile(join(dir, OUTPUT_MANIFEST)),
      JSON.stringify(again, null, 2) + "\n",
    );
    const empty = join(root.path, "empty");
    await Deno.mkdir(empty);
    await checkOutputDir(empty, []);
  } finally {
    await root.cleanup();
  }
});
