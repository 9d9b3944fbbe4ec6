/**
 * `deno task report`: the main job. Generates the demo data when the default file is missing,
 * trains or reuses saved models, backtests, forecasts, plans, raises alerts, simulates the
 * policies, and writes report.html, report.pdf and the CSV/JSON files into one directory —
 * atomically, so a failed run leaves the previous report intact.
 * @module
 */

import { basename, join } from "node:path";
import type { Command } from "./args.ts";
import { integerFlag, listFlag, optionalString } from "./args.ts";
import {
  calendarFor,
  checkModels,
  DATA_FLAGS,
  progressHooks,
  seedFlag,
  selectProducts,
  STORE_FLAGS,
} from "./common.ts";
import { PLAN_FLAGS, planSettings } from "./plan_flags.ts";
import { megaOrdersByProduct } from "./plan.ts";
import { Progress } from "./progress.ts";
import { InputError } from "../io/errors.ts";
import { DEFAULT_DATA_PATH, readDaily } from "../data/read_daily.ts";
import { generateSynthetic } from "../data/synthetic.ts";
import { writeDaily } from "../data/write_daily.ts";
import { parseIsoDay } from "../data/dates.ts";
import { readImportMeta } from "../data/import/meta.ts";
import { DEFAULT_CANDIDATES } from "../forecast/pipeline.ts";
import { DEFAULT_MODELS_DIR } from "../forecast/store/paths.ts";
import { sha256Hex } from "../forecast/store/fingerprint.ts";
import { PLANNING_BACKTEST, runPlanning } from "../inventory/pipeline.ts";
import { readOnHand } from "../inventory/on_hand.ts";
import { buildReportFiles } from "../report/build.ts";
import { findChromium } from "../report/chromium.ts";
import { renderPdf } from "../report/pdf.ts";
import { exists, writeDirectoryAtomic } from "../io/write_dir_atomic.ts";

/** The `report` command. */
export const reportCommand: Command = {
  name: "report",
  summary: "the main job: forecast, plan and publish report.html, report.pdf and CSVs",
  flags: {
    ...DATA_FLAGS,
    ...STORE_FLAGS,
    ...PLAN_FLAGS,
    horizon: { type: "string", value: "N", default: "30", help: "days to forecast, 7 to 90" },
    models: {
      type: "string",
      value: "LIST",
      default: DEFAULT_CANDIDATES.join(","),
      help: "candidates of auto",
    },
    title: {
      type: "string",
      value: "TEXT",
      help: "report title (default: Returncast report — DATA)",
    },
    detail: { type: "string", value: "N", default: "50", help: "most products with a detail page" },
    out: { type: "string", value: "DIR", help: "output directory (default: reports/DATA-DATE/)" },
    "no-pdf": { type: "boolean", help: "skip the PDF" },
    pdf: { type: "boolean", help: "fail (exit 1) when the PDF cannot be made" },
  },
  examples: [
    "deno task report",
    "deno task report --data data/online_retail_top50.csv --horizon 28 --out reports/online-retail",
    "deno task report --policy multiplier --safety-factor 1.5 --no-pdf",
  ],
  async run(values) {
    const progress = new Progress(values.quiet === true);
    const dataPath = optionalString(values, "data") ?? DEFAULT_DATA_PATH;
    const parsed = planSettings(values);
    const horizon = integerFlag(values, "horizon", { min: 7, max: 90 });
    const detailLimit = integerFlag(values, "detail", { min: 1, max: 100_000 });
    const candidates = checkModels(listFlag(values, "models")!, "--models");
    const seed = seedFlag(values);
    if (values["no-pdf"] && values.pdf) {
      throw new InputError("--pdf and --no-pdf contradict each other; pick one");
    }
    const positions = parsed.onHand ? await readOnHand(parsed.onHand) : undefined;

    if (dataPath === DEFAULT_DATA_PATH && !(await exists(dataPath))) {
      progress.stage(`no ${dataPath} yet: generating the demo data (5 products × 730 days)`);
      const demo = generateSynthetic({
        products: 5,
        days: 730,
        start: parseIsoDay("2023-01-01")!,
        seed: 42,
      });
      await writeDaily(dataPath, demo);
    }
    progress.stage(`read ${dataPath}`);
    const set = selectProducts(await readDaily(dataPath), listFlag(values, "products"));
    const importMeta = await readImportMeta(dataPath);
    const calendar = calendarFor(set, values);
    const dataName = basename(dataPath).replace(/\.csv(\.gz)?$/i, "");
    const runDate = new Date().toISOString().slice(0, 10);
    const out = optionalString(values, "out") ?? join("reports", `${dataName}-${runDate}`);

    const planning = await runPlanning(set, {
      horizon,
      candidates,
      backtest: PLANNING_BACKTEST,
      seed,
      store: { root: optionalString(values, "models-dir") ?? DEFAULT_MODELS_DIR, mode: "reuse" },
      policy: parsed.policy,
      settings: parsed.settings,
      thresholds: parsed.thresholds,
      costs: parsed.costs,
      positions,
      simulate: true,
      droppedMegaOrders: megaOrdersByProduct(importMeta?.megaOrders),
      calendar,
    }, progressHooks(progress));

    progress.stage("render the report");
    const title = optionalString(values, "title") ?? `Returncast report — ${dataName}`;
    const files = buildReportFiles({
      set,
      planning,
      options: {
        title,
        runDate,
        dataLabel: basename(dataPath),
        horizon,
        policy: parsed.policy,
        settings: parsed.settings,
        costs: parsed.costs,
        candidates,
        seed,
        detailLimit,
      },
      thresholds: parsed.thresholds,
      importMeta,
      calendar,
      dataFingerprint: await sha256Hex(await Deno.readFile(dataPath)),
    });
    const chromium = values["no-pdf"] ? undefined : findChromium();
    let pdfProblem: string | undefined;
    await writeDirectoryAtomic(out, async (temp) => {
      for (const [name, content] of files) await Deno.writeTextFile(join(temp, name), content);
      if (values["no-pdf"]) return;
      if (!chromium) {
        pdfProblem =
          "no Chromium found, so no report.pdf: install it (apt-get install chromium) or set " +
          "CHROME_PATH to a Chrome or Chromium binary";
        return;
      }
      progress.stage("print report.pdf with Chromium");
      try {
        await renderPdf({
          htmlPath: join(temp, "report.html"),
          pdfPath: join(temp, "report.pdf"),
          executablePath: chromium,
          title,
        });
      } catch (error) {
        pdfProblem = `report.pdf could not be made: ${
          error instanceof Error ? error.message.split("\n")[0] : error
        }`;
      }
    });
    const written = [...files.keys(), ...(values["no-pdf"] || pdfProblem ? [] : ["report.pdf"])]
      .sort();
    progress.line(`report done in ${progress.elapsed.toFixed(1)} s`);
    if (pdfProblem) {
      console.error(`${values.pdf ? "error" : "warning"}: ${pdfProblem}`);
    }
    console.log(`wrote ${out}/: ${written.join(", ")}`);
    return pdfProblem && values.pdf ? 1 : 0;
  },
};
