/**
 * Everything `report` writes, as file contents: the run's data files (`outputs/run_files.ts`) and
 * the HTML page. Pure apart from reading nothing: the CLI writes the files (and prints the PDF).
 * @module
 */

import type { FileContent } from "../io/write_atomic.ts";
import { buildDataFiles } from "../outputs/run_files.ts";
import { runFacts, type RunInput } from "../outputs/run_input.ts";
import { reportContext } from "./context.ts";
import { renderReportHtml } from "./page.ts";

/** The report's files (name → content), `report.pdf` aside: the data files and report.html. */
export function buildReportFiles(input: RunInput): Map<string, FileContent> {
  const facts = runFacts(input);
  const files = buildDataFiles(input, facts);
  files.set("report.html", renderReportHtml(reportContext(input, facts)));
  return files;
}
