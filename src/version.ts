/** Returncast's version, recorded in saved models and report summaries. */
export const VERSION = "0.1.0";

/** TensorFlow.js version pinned in deno.json (a test keeps the two in step). */
export const TFJS_VERSION = "4.22.0";
