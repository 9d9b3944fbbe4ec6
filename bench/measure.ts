/**
 * Runs a command as a child process and measures its wall time and peak memory: the largest sum,
 * over the child and all its descendants (Deno and the Chromium it starts for the PDF), of each
 * process's proportional set size (PSS: its private pages, and its share of pages it shares —
 * Chromium's five processes map one binary and one font cache, which a sum of resident sizes
 * counts five times), polled from /proc while it runs, and at least the child's own VmHWM. The
 * plain sum of resident sizes is kept beside it.
 * @module
 */

/** What one measured run produced. */
export interface Measurement {
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak memory of the process tree in MiB, shared pages counted once (0 without /proc). */
  peakMiB: number;
  /** Peak of the process tree's resident sizes summed, shared pages counted in each process. */
  peakRssMiB: number;
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
  let peakRssKiB = 0;
  // PSS every 250 ms: reading smaps_rollup walks the page tables of a process of gigabytes
  // under its memory lock, and slows it when read more often.
  let tick = 0;
  const poll = setInterval(() => {
    const tree = treeMemoryKiB(child.pid, tick++ % 5 === 0);
    if (tree.pss > 0) peakKiB = Math.max(peakKiB, tree.pss, ownPeakKiB(child.pid));
    peakRssKiB = Math.max(peakRssKiB, tree.rss, ownPeakKiB(child.pid));
  }, 50);
  const output = await child.output();
  clearInterval(poll);
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return {
    seconds: (performance.now() - started) / 1000,
    peakMiB: peakKiB / 1024,
    peakRssMiB: peakRssKiB / 1024,
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

/** A process's proportional set size in KiB (its resident size where smaps_rollup is missing). */
function proportionalKiB(pid: number): number {
  try {
    const rollup = Deno.readTextFileSync(`/proc/${pid}/smaps_rollup`);
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return statusKiB(pid, "VmRSS");
  }
}

/** The memory of `root` and every descendant, summed (KiB): resident sizes, and PSS if asked. */
function treeMemoryKiB(root: number, withPss: boolean): { pss: number; rss: number } {
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
    return { pss: 0, rss: 0 }; // no /proc
  }
  const total = { pss: 0, rss: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (withPss) total.pss += proportionalKiB(pid);
    total.rss += statusKiB(pid, "VmRSS");
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
