/** Returncast's version, recorded in saved models and report summaries. */
export const VERSION = "0.1.0";
