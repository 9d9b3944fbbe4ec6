/**
 * `--force` of the file-writing commands: let a file output replace an existing file that
 * Returncast did not write. Inputs are never overwritten, with or without it.
 * @module
 */

import { toggle } from "./option.ts";

/** `--force`. */
export const FORCE = toggle(
  "force",
  "overwrite an existing file that Returncast did not write (inputs are never overwritten)",
);
