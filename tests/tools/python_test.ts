import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import {
  canImport,
  findPython,
  INSTALL_JUPYTER,
  missingPythonMessage,
  pythonCandidates,
} from "../../tools/notebooks/python.ts";

Deno.test("pythonCandidates tries $RETURNCAST_PYTHON, then Debian's, then PATH's", () => {
  assertEquals(pythonCandidates(undefined), ["/usr/bin/python3", "python3"]);
  assertEquals(pythonCandidates("/opt/py"), ["/opt/py", "/usr/bin/python3", "python3"]);
});

Deno.test("findPython skips Pythons that are missing or lack a module", () => {
  assert(!canImport("/nonexistent/python3", []), "a missing program cannot import");
  assertEquals(findPython(["json"], ["/nonexistent/python3"]), undefined);
  const real = ["/usr/bin/python3", "python3"].find((python) => canImport(python, ["json"]));
  if (real === undefined) return; // no Python at all here: nothing more to check
  assertEquals(findPython(["json"], ["/nonexistent/python3", real]), real);
  assertEquals(findPython(["no_such_module_returncast"], [real]), undefined);
});

Deno.test("missingPythonMessage names the modules, the candidates and the Debian packages", () => {
  const message = missingPythonMessage(["jupyter_client", "nbformat"], ["/usr/bin/python3"]);
  assertIncludes(message, "no Python with jupyter_client, nbformat (tried /usr/bin/python3)");
  assertIncludes(message, INSTALL_JUPYTER);
  assertEquals(
    INSTALL_JUPYTER,
    "apt-get install jupyter-nbconvert python3-nbclient jupyter-client",
  );
});
