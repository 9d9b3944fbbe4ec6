import { assertEquals } from "../helpers/assert.ts";
import { tempDir } from "../helpers/cli.ts";
import {
  installKernelSpec,
  jupyterPathWith,
  KERNEL_NAME,
  kernelSpec,
} from "../../tools/notebooks/kernelspec.ts";

Deno.test("kernelSpec mirrors what `deno jupyter --install` writes", () => {
  assertEquals(kernelSpec("/opt/deno"), {
    argv: ["/opt/deno", "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno (Returncast)",
    language: "typescript",
  });
});

Deno.test("installKernelSpec writes kernels/NAME/kernel.json for the running Deno", async () => {
  const dir = await tempDir();
  try {
    const jupyterDir = `${dir.path}/jupyter`;
    assertEquals(await installKernelSpec(jupyterDir), jupyterDir);
    await installKernelSpec(jupyterDir); // again: rewritten in place
    const spec = JSON.parse(
      await Deno.readTextFile(`${jupyterDir}/kernels/${KERNEL_NAME}/kernel.json`),
    );
    assertEquals(spec, kernelSpec(Deno.execPath()));
    const files = [...Deno.readDirSync(`${jupyterDir}/kernels/${KERNEL_NAME}`)].map((e) => e.name);
    assertEquals(files, ["kernel.json"], "no temp files left");
  } finally {
    await dir.cleanup();
  }
});

Deno.test("jupyterPathWith puts the project's directory first", () => {
  assertEquals(jupyterPathWith("/p/.tmp/jupyter", undefined), "/p/.tmp/jupyter");
  assertEquals(jupyterPathWith("/p/.tmp/jupyter", "/usr/share/x"), "/p/.tmp/jupyter:/usr/share/x");
});
