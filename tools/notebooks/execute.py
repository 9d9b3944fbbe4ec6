#!/usr/bin/python3
"""Executes a Deno-kernel notebook in place: every code cell in order, outputs saved back.

Usage: execute.py NOTEBOOK.ipynb [--timeout SECONDS] [--kernel-name NAME] [--grace SECONDS]

Why not `jupyter nbconvert --execute` (nbclient)? Deno's kernel sometimes publishes a cell's
output just *after* it reports the cell idle, and nbclient stops listening at idle, so those
outputs are lost at random. This executor talks to the kernel with jupyter_client directly:
after a cell's execute_reply and idle status it keeps reading iopub until the cell's messages
have been quiet for a grace period, files any later message under the cell it belongs to (by
its parent message id), and drains iopub once more before saving.

Contract (used by tools/notebooks/run.ts):
- the kernel (kernelspec found through JUPYTER_PATH) runs with the notebook's directory as its
  working directory and NO_COLOR=1, so saved outputs carry no terminal colour codes;
- old outputs and execution counts are cleared first; cells after a failing one stay empty;
- the notebook is saved atomically (temp file + rename), also after a failure, so the error is
  visible in the notebook;
- the JSON is stable: no timing metadata, no random ids, so an unchanged run gives an identical
  file;
- exit 0 when every cell ran; otherwise exit 1 (2 for bad usage or an unreadable notebook) with
  ONE line on stderr: `NOTEBOOK: cell N (first line of the cell): ErrorName: message`, where N is
  the cell's execution count, shown as [N] in the notebook.

Runs on Debian's /usr/bin/python3 with jupyter-client and python3-nbformat (pulled in by
python3-nbclient).
"""

import argparse
import json
import os
import queue
import re
import subprocess
import sys
import tempfile
import time
import warnings

DEFAULT_KERNEL = "returncast-deno"
DEFAULT_TIMEOUT = 600.0
DEFAULT_GRACE = 0.1
FINAL_DRAIN = 0.2
STARTUP_TIMEOUT = 60.0
# Cell metadata that records when or how long a run took; it would change on every run.
TIMING_METADATA = ("execution", "ExecuteTime")
# The kernelspec written when the notebook names none: the one `deno jupyter --install` writes.
DEFAULT_KERNELSPEC = {"name": "deno", "display_name": "Deno", "language": "typescript"}

warnings.simplefilter("ignore")
try:
    import nbformat
    from jupyter_client.kernelspec import NoSuchKernel
    from jupyter_client.manager import KernelManager
except ImportError as missing:
    print(
        f"execute.py: {missing}; install Jupyter with "
        "`apt-get install jupyter-nbconvert python3-nbclient jupyter-client` "
        "and run this script with /usr/bin/python3",
        file=sys.stderr,
    )
    sys.exit(1)


class CellFailure(Exception):
    """A cell that did not run to the end: its error name and message for the one-line report.
    `reported` is False when the kernel published no error output for it (a timeout, a kernel
    that died, a cell that did not parse), so the executor must add one to the notebook."""

    def __init__(self, ename, evalue, reported=False):
        super().__init__(f"{ename}: {evalue}")
        self.ename = ename
        self.evalue = evalue
        self.reported = reported


class Outputs:
    """Collects the iopub messages of one cell into nbformat outputs, as Jupyter would."""

    def __init__(self, cell, displays):
        self.cell = cell
        self.displays = displays  # display_id -> list of outputs, shared by all cells
        self.clear_pending = False
        self.error = None
        self.execution_count = None

    def add(self, msg):
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "execute_input":
            self.execution_count = content.get("execution_count")
            return
        if kind == "clear_output":
            if content.get("wait"):
                self.clear_pending = True
            else:
                self.cell.outputs = []
            return
        if kind == "update_display_data":
            for output in self.displays.get(content.get("transient", {}).get("display_id"), []):
                output["data"] = content.get("data", {})
                output["metadata"] = content.get("metadata", {})
            return
        if kind not in ("stream", "display_data", "execute_result", "error"):
            return
        if self.clear_pending:
            self.cell.outputs = []
            self.clear_pending = False
        if kind == "error":
            self.error = (content.get("ename", "Error"), content.get("evalue", ""))
        outputs = self.cell.outputs
        if (kind == "stream" and outputs and outputs[-1]["output_type"] == "stream"
                and outputs[-1]["name"] == content["name"]):
            outputs[-1]["text"] += content["text"]
            return
        output = nbformat.v4.output_from_msg(msg)
        outputs.append(output)
        display_id = content.get("transient", {}).get("display_id")
        if kind == "display_data" and display_id:
            self.displays.setdefault(display_id, []).append(output)


class Executor:
    """One kernel session running a notebook's code cells in order."""

    def __init__(self, km, kc, grace):
        self.km = km
        self.kc = kc
        self.grace = grace
        self.collectors = {}  # parent msg_id -> Outputs
        self.displays = {}

    def _route(self, msg):
        """Files an iopub message under its cell; returns the parent msg_id."""
        parent = msg.get("parent_header", {}).get("msg_id")
        collector = self.collectors.get(parent)
        if collector is not None:
            collector.add(msg)
        return parent

    def _next_iopub(self, timeout):
        try:
            return self.kc.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return None

    def run(self, cell, timeout):
        """Runs one cell, its outputs into `cell`. Raises CellFailure on error or timeout."""
        collector = Outputs(cell, self.displays)
        msg_id = self.kc.execute(cell.source, store_history=True, allow_stdin=False,
                                 stop_on_error=False)
        self.collectors[msg_id] = collector
        try:
            return self._wait(msg_id, collector, timeout)
        finally:
            if cell.execution_count is None:
                cell.execution_count = collector.execution_count

    def _wait(self, msg_id, collector, timeout):
        cell = collector.cell
        deadline = time.monotonic() + timeout
        next_alive_check = time.monotonic() + 0.5
        reply = None
        idle = False
        while reply is None or not idle:
            now = time.monotonic()
            if now > deadline:
                self.km.interrupt_kernel()
                raise CellFailure(
                    "TimeoutError",
                    f"the cell did not finish within {timeout:g} s; "
                    "raise --timeout or make the cell faster",
                )
            if now > next_alive_check:
                if not self.km.is_alive():
                    raise CellFailure("KernelDied", f"the Deno kernel exited{exit_code(self.km)} "
                                                    "while running the cell")
                next_alive_check = now + 0.5
            while reply is None:
                try:
                    msg = self.kc.get_shell_msg(timeout=0)
                except queue.Empty:
                    break
                if msg.get("parent_header", {}).get("msg_id") == msg_id:
                    reply = msg["content"]
            msg = self._next_iopub(0.02)
            if msg is None:
                continue
            if (self._route(msg) == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                idle = True
        self._settle(msg_id, self.grace)
        cell.execution_count = reply.get("execution_count")
        if reply.get("status") != "ok":
            if collector.error is not None:
                raise CellFailure(*collector.error, reported=True)
            raise CellFailure(reply.get("ename", "Error"), reply.get("evalue", ""))

    def _settle(self, msg_id, quiet):
        """Reads iopub until `msg_id` (or, when None, any cell) has been quiet for `quiet` s."""
        last = time.monotonic()
        while time.monotonic() - last < quiet:
            msg = self._next_iopub(quiet / 4)
            if msg is not None and (self._route(msg) == msg_id or msg_id is None):
                last = time.monotonic()

    def drain(self):
        """Collects whatever output is still on its way before the kernel stops."""
        self._settle(None, FINAL_DRAIN)


def exit_code(km):
    """` (code N)` for a kernel process that has exited, when jupyter_client knows N."""
    process = getattr(getattr(km, "provisioner", None), "process", None)
    code = process.poll() if process is not None else None
    return f" (code {code})" if code is not None else ""


def first_line(source):
    """The first non-blank line of a cell, shortened for the one-line report."""
    for line in source.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= 60 else line[:57] + "..."
    return "empty cell"


def syntax_diagnostic(deno, source):
    """Deno's kernel reports a cell that does not parse only as "Execution failed"; `deno fmt`
    parses it again and says where. Returns (ename, evalue) or None."""
    try:
        result = subprocess.run(
            [deno, "fmt", "--no-config", "--ext", "ts", "-"], input=source, capture_output=True,
            text=True, timeout=30, cwd=tempfile.gettempdir(), env={**os.environ, "NO_COLOR": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode == 0:
        return None
    text = result.stderr
    found = re.search(r"error: (\w+): (.*)", text)
    where = re.search(r"_stdin\.ts:(\d+):(\d+)", text)
    if not found:
        return None
    message = found.group(2).strip()
    if where:
        message += f" (line {where.group(1)}, column {where.group(2)})"
    return found.group(1), message


def read_notebook(path):
    """Reads a notebook. Cells of an nbformat 4.5+ notebook that lack the required id get
    `cell-N` (N its position) first: nbformat would invent random ones, a new diff every run."""
    with open(path, encoding="utf-8") as source:
        data = json.load(source)
    if not isinstance(data, dict):
        raise ValueError("not a Jupyter notebook (expected a JSON object)")
    if (data.get("nbformat") == 4
            and data.get("nbformat_minor", 0) >= 5 and isinstance(data.get("cells"), list)):
        cells = [cell for cell in data["cells"] if isinstance(cell, dict)]
        used = {cell.get("id") for cell in cells}
        for index, cell in enumerate(cells, start=1):
            if not cell.get("id"):
                candidate = f"cell-{index}"
                while candidate in used:
                    candidate += "-x"
                used.add(candidate)
                cell["id"] = candidate
    return nbformat.reads(json.dumps(data), as_version=4)


def prepare(nb):
    """Clears outputs and execution counts and strips timing metadata."""
    for cell in nb.cells:
        for key in TIMING_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.setdefault("kernelspec", dict(DEFAULT_KERNELSPEC))


def save(nb, path):
    """Writes the notebook atomically: a temp file in the same directory, renamed over it."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp",
                                    dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            nbformat.write(nb, out)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.chmod(temp, os.stat(path).st_mode & 0o777)
        except OSError:
            pass
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def execute(path, kernel_name, timeout, grace):
    """Runs the notebook at `path`; returns the one-line failure report, or None on success."""
    nb = read_notebook(path)
    prepare(nb)
    cwd = os.path.dirname(os.path.abspath(path))
    with tempfile.TemporaryDirectory(prefix="returncast-kernel-") as runtime:
        km = KernelManager(kernel_name=kernel_name,
                           connection_file=os.path.join(runtime, "kernel.json"))
        log_path = os.path.join(runtime, "kernel.log")
        log = open(log_path, "w", encoding="utf-8")
        try:
            km.start_kernel(cwd=cwd, env={**os.environ, "NO_COLOR": "1"}, stdout=log, stderr=log)
        except NoSuchKernel:
            return (f"{path}: no Jupyter kernel named {kernel_name!r} on JUPYTER_PATH "
                    f"({os.environ.get('JUPYTER_PATH', 'unset')}); run `deno task notebooks`, "
                    "which installs it")
        deno = km.kernel_spec.argv[0]
        kc = km.client()
        try:
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
            except RuntimeError:
                log.flush()
                with open(log_path, encoding="utf-8", errors="replace") as text:
                    lines = [line.strip() for line in text if line.strip()]
                detail = f": {lines[-1]}" if lines else ""
                return f"{path}: the {kernel_name} kernel did not start{detail}"
            info = kc.kernel_info(reply=True, timeout=STARTUP_TIMEOUT)["content"]
            if info.get("language_info"):
                nb.metadata["language_info"] = info["language_info"]
            executor = Executor(km, kc, grace)
            failure = None
            for cell in nb.cells:
                if cell.cell_type != "code":
                    continue
                try:
                    executor.run(cell, timeout)
                except CellFailure as error:
                    failure = (cell, error)
                    break
            executor.drain()
            if failure is None:
                return None
            cell, error = failure
            ename, evalue = error.ename, error.evalue
            if not error.reported:
                if evalue == "Execution failed":
                    ename, evalue = syntax_diagnostic(deno, cell.source) or (
                        ename, "the kernel gave no details (a syntax error in the cell?)")
                cell.outputs.append(nbformat.v4.new_output(
                    "error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]))
            message = (evalue.splitlines() or [""])[0]
            count = cell.execution_count if cell.execution_count is not None else "?"
            return f"{path}: cell {count} ({first_line(cell.source)}): {ename}: {message}"
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            log.close()
            save(nb, path)


def main(argv):
    parser = argparse.ArgumentParser(
        prog="execute.py", description="Run a Deno-kernel notebook in place, keeping all outputs.")
    parser.add_argument("notebook", help="the .ipynb file to run and update")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help=f"seconds one cell may run (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--kernel-name", default=DEFAULT_KERNEL,
                        help=f"kernelspec to start, found through JUPYTER_PATH "
                             f"(default {DEFAULT_KERNEL})")
    parser.add_argument("--grace", type=float, default=DEFAULT_GRACE,
                        help="seconds a cell's output must be quiet after it reports idle "
                             f"(default {DEFAULT_GRACE:g})")
    args = parser.parse_args(argv)
    if not args.timeout > 0 or not args.grace >= 0:
        print(f"execute.py: --timeout must be > 0 and --grace ≥ 0, got {args.timeout:g} "
              f"and {args.grace:g}", file=sys.stderr)
        return 2
    try:
        read_notebook(args.notebook)
    except Exception as error:  # missing, not JSON, not a notebook: bad input, one line
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        print(f"{args.notebook}: cannot read the notebook: {str(reason).splitlines()[0]}",
              file=sys.stderr)
        return 2
    try:
        failure = execute(args.notebook, args.kernel_name, args.timeout, args.grace)
    except KeyboardInterrupt:
        print(f"{args.notebook}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the kernel or ZeroMQ failed: still one line
        first = (str(error).splitlines() or [""])[0]
        print(f"{args.notebook}: {type(error).__name__}: {first}", file=sys.stderr)
        return 1
    if failure is not None:
        print(failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
