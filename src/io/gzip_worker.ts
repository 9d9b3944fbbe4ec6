/**
 * The worker that compresses and writes a gzip file for `write_atomic.ts`, so that the text is
 * made on one core while zlib compresses it on the other. It is told `open` (path, level), then
 * gets blocks of bytes (each answered `ack` once zlib has taken it in) and `end`; it answers
 * `done` when the file is written and closed, or `failed` with the error's message.
 * @module
 */

/// <reference no-default-lib="true" />
/// <reference lib="deno.worker" />

import { createGzip, type Gzip } from "node:zlib";

/** What the writer sends. */
export type GzipRequest =
  | { kind: "open"; path: string; level: number }
  | { kind: "block"; block: Uint8Array }
  | { kind: "end" };

/** What the worker answers. */
export type GzipReply = { kind: "ack" } | { kind: "done" } | { kind: "failed"; message: string };

let file: Deno.FsFile | undefined;
let gzip: Gzip | undefined;
let failed = false;

const reply = (message: GzipReply) => self.postMessage(message);

function fail(error: unknown): void {
  if (failed) return;
  failed = true;
  gzip?.destroy();
  file?.close();
  file = undefined;
  reply({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
}

self.onmessage = (event: MessageEvent<GzipRequest>) => {
  if (failed) return;
  const request = event.data;
  try {
    if (request.kind === "open") {
      const out = Deno.openSync(request.path, { write: true, create: true, truncate: true });
      file = out;
      gzip = createGzip({ level: request.level });
      gzip.on("data", (chunk: Uint8Array) => {
        try {
          for (let at = 0; at < chunk.length;) at += out.writeSync(chunk.subarray(at));
        } catch (error) {
          fail(error);
        }
      });
      gzip.on("error", fail);
      gzip.on("end", () => {
        if (failed) return;
        out.close();
        file = undefined;
        reply({ kind: "done" });
      });
    } else if (request.kind === "block") {
      gzip!.write(request.block, () => failed || reply({ kind: "ack" }));
    } else gzip!.end();
  } catch (error) {
    fail(error);
  }
};
