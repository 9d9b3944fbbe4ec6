/**
 * The worker that computes a report (`report_job.ts` starts it, and terminates it once the files
 * are written, before Chromium prints the PDF: its memory then goes back to the system, which
 * the main thread's would not — Deno keeps what a thread has freed). The work itself is
 * imported on the first message, so that even a module that fails to load is answered.
 * @module
 */

/// <reference lib="deno.worker" />

import type { ReportWorkerMessage, ReportWorkerReply } from "./report_job.ts";

let computed: import("./report_compute.ts").ComputedReport | undefined;

const reply = (message: ReportWorkerReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ReportWorkerMessage>) => {
  const message = event.data;
  try {
    const { computeReport, writeReport } = await import("./report_compute.ts");
    if (message.kind === "compute") {
      computed = await computeReport(message.config, message.from);
      const { files, runDate, title } = computed;
      reply({ kind: "ready", names: [...files.keys()], runDate, title });
    } else {
      if (!computed) throw new Error("report worker asked to write before computing");
      await writeReport(computed, message.temp);
      computed = undefined;
      reply({ kind: "written" });
    }
  } catch (error) {
    reply({
      kind: "failed",
      input: error instanceof Error && error.name === "InputError",
      message: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    });
  }
};
