/**
 * Reads a text file the way users hand them to us: plain or gzip-compressed (recognised by its
 * magic bytes, whatever the name), with or without a UTF-8 byte-order mark.
 * @module
 */

import { InputError } from "./errors.ts";

/**
 * Reads `path` as UTF-8 text, decompressing gzip. A missing file, a directory or unreadable
 * bytes become an {@link InputError} that names the file; `hint` says what to do when it is
 * missing.
 */
export async function readText(path: string, hint = "check the path"): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`file not found; ${hint}`, { file: path });
    }
    if (error instanceof Deno.errors.IsADirectory) {
      throw new InputError("is a directory, not a file; name a CSV file", { file: path });
    }
    if (error instanceof Deno.errors.PermissionDenied) {
      throw new InputError("cannot be read (permission denied)", { file: path });
    }
    throw error;
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await gunzip(bytes);
    } catch {
      throw new InputError("is not a valid gzip file; recompress it or pass the plain CSV", {
        file: path,
      });
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("is not UTF-8 text; save it as UTF-8 CSV", { file: path });
  }
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(
    new DecompressionStream("gzip"),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
