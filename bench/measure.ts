/**
 * Runs a command as a child process and measures its wall time and peak resident memory (the
 * kernel's VmHWM of the child, polled from /proc while it runs).
 * @module
 */

/** What one measured run produced. */
export interface Measurement {
  /** Wall-clock seconds. */
  seconds: number;
  /** Peak resident memory in MiB (0 where /proc is unavailable). */
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
    try {
      const status = Deno.readTextFileSync(`/proc/${child.pid}/status`);
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) peakKiB = Math.max(peakKiB, Number(match[1]));
    } catch {
      // The process has exited; the last reading stands.
    }
  }, 10);
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
