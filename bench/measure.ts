/**
 * Runs a command as a child process and measures its wall time and peak resident memory: the
 * largest sum of the resident memory of the child and all its descendants (Deno and the Chromium
 * it starts for the PDF), polled from /proc while it runs, and at least the child's own VmHWM.
 * @module
 */

/** What one measured run produced. */
export interface Measurement {
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident memory of the process tree in MiB (0 where /proc is unavailable). */
  peakMiB: number;
  /** Exit code. */
  code: number;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** Runs `deno <args>` and measures it. */
export async function measureDeno(args: string[], cwd: string): Promise<Measurement> {
  const started = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    // The CLI resolves typed paths against INIT_CWD: pin it to the command's own directory.
    env: { NO_COLOR: "1", INIT_CWD: cwd },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let peakKiB = 0;
  const poll = setInterval(() => {
    peakKiB = Math.max(peakKiB, treeResidentKiB(child.pid), ownPeakKiB(child.pid));
  }, 25);
  const output = await child.output();
  clearInterval(poll);
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return {
    seconds: (performance.now() - started) / 1000,
    peakMiB: peakKiB / 1024,
    code: output.code,
    stdout: decode(output.stdout),
    stderr: decode(output.stderr),
  };
}

/** A field of `/proc/PID/status` in KiB (0 when the process is gone). */
function statusKiB(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = Deno.readTextFileSync(`/proc/${pid}/status`);
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  } catch {
    return 0; // exited; the last reading stands
  }
}

function ownPeakKiB(pid: number): number {
  return statusKiB(pid, "VmHWM");
}

/** The resident memory of `root` and every descendant, summed (KiB). */
function treeResidentKiB(root: number): number {
  const children = new Map<number, number[]>();
  try {
    for (const entry of Deno.readDirSync("/proc")) {
      if (!/^\d+$/.test(entry.name)) continue;
      try {
        const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const list = children.get(ppid) ?? [];
        list.push(Number(entry.name));
        children.set(ppid, list);
      } catch {
        // gone while listing
      }
    }
  } catch {
    return 0; // no /proc
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += statusKiB(pid, "VmRSS");
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
