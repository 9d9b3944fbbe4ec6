/**
 * Using the yearly profile (see `profile.ts`): a dataset's profiles at a day, and the adapter
 * every sales model goes through — it fits on the history divided by the profile and its
 * forecasts are multiplied back, so models, intervals and calibration origins stay in units.
 * Without a profile (a year of history or less) everything passes through unchanged.
 * @module
 */

import { dayOfYear } from "../../data/dates.ts";
import { type SeriesSet, spanOf } from "../../data/series.ts";
import type { Calendar } from "../../data/calendar.ts";
import type { FittedModel, SeriesContext } from "../types.ts";
import { contextOf, historyUpTo } from "../context.ts";
import { identityOf } from "../../util/identity.ts";
import {
  profileFromCoefficients,
  profilesFromCoefficients,
  YEARLY,
  type YearlyCoefficients,
  yearlyCoefficients,
  type YearlyProfile,
} from "./profile.ts";

/**
 * The yearly profiles of a dataset's products from their sales up to and including `lastDay`
 * (all days when absent), cleaned as the models see them; `undefined` when the data up to that
 * day spans a year or less (checked before any work).
 */
export function datasetYearlyProfiles(
  set: SeriesSet,
  calendar?: Calendar,
  lastDay?: number,
): Map<string, YearlyProfile> | undefined {
  const [coefficients] = yearlyCoefficientsAt(set, calendar, [lastDay ?? spanOf(set).last]);
  return coefficients && profilesFromCoefficients(coefficients);
}

/**
 * The profiles of {@link datasetYearlyProfiles} at each of `lastDays` (a backtest's cutoffs), as
 * coefficients (see {@link expandProfiles}), each product's context made once for all of them.
 */
export function yearlyCoefficientsAt(
  set: SeriesSet,
  calendar: Calendar | undefined,
  lastDays: readonly number[],
): (Map<string, YearlyCoefficients> | undefined)[] {
  if (set.products.length === 0) return lastDays.map(() => undefined);
  const span = spanOf(set);
  const lasts = lastDays.map((day) => Math.min(day, span.last));
  if (lasts.every((last) => last - span.first + 1 <= YEARLY.minDays)) {
    return lastDays.map(() => undefined);
  }
  const contexts = set.products.map((product) => contextOf(product, "sales", calendar));
  return lasts.map((last) => {
    if (last - span.first + 1 <= YEARLY.minDays) return undefined;
    const histories: SeriesContext[] = [];
    for (const context of contexts) {
      const length = Math.min(context.values.length, last - context.start + 1);
      if (length >= 7) histories.push(historyUpTo(context, length));
    }
    return yearlyCoefficients(histories);
  });
}

/**
 * A product's profiles at a backtest's cutoffs from their coefficients (`undefined` where there
 * is none), made when a job needs them: a backtest holds and sends 2K numbers per product and
 * cutoff, not 366.
 */
export function expandProfiles(
  coefficients: readonly (YearlyCoefficients | undefined)[] | undefined,
): (YearlyProfile | undefined)[] | undefined {
  return coefficients?.map((beta) => beta && profileFromCoefficients(beta));
}

/**
 * A sales context with its product's profile from `profiles` attached (what forecasts and saved
 * networks are fitted on); returns contexts, and products without a profile, as they are.
 */
export function attachYearly(
  context: SeriesContext,
  profiles: ReadonlyMap<string, YearlyProfile> | undefined,
): SeriesContext {
  const profile = context.target === "sales" ? profiles?.get(context.productId) : undefined;
  return profile ? { ...context, yearly: profile } : context;
}

/** The profile's factor on a day number. */
export function yearlyFactor(profile: YearlyProfile, day: number): number {
  return profile[dayOfYear(day)];
}

/** The context with its values (and, for sales, its sales) divided by its yearly profile. */
export function deseasonalised(context: SeriesContext): SeriesContext {
  const profile = context.yearly;
  if (!profile) return context;
  const values = divided(context.values, context.start, profile);
  return { ...context, values, sales: context.target === "sales" ? values : context.sales };
}

/** Deseasonalised runs kept (see {@link divided}): a few windows' worth, a few MB at most. */
const DIVIDED_RUNS = 256;

/**
 * The latest deseasonalised runs, by array buffer, profile, offset and first day, least recent
 * first. A backtest deseasonalises the same history again at every calibration origin of a
 * window, each time a shorter prefix of the same array; the prefix of the divided run is the
 * same numbers. Bounded: a global backtest passes every product's every window through here.
 */
const dividedRuns = new Map<string, Float64Array>();

/** `values[i]` ÷ the profile's factor on day `start + i`, shared between prefixes of one array. */
function divided(values: Float64Array, start: number, profile: YearlyProfile): Float64Array {
  const key = `${identityOf(values.buffer)}:${identityOf(profile)}:${values.byteOffset}:${start}`;
  const run = dividedRuns.get(key);
  dividedRuns.delete(key);
  if (run && run.length >= values.length) {
    dividedRuns.set(key, run);
    return run.subarray(0, values.length);
  }
  const fresh = values.map((v, i) => v / yearlyFactor(profile, start + i));
  dividedRuns.set(key, fresh);
  if (dividedRuns.size > DIVIDED_RUNS) dividedRuns.delete(dividedRuns.keys().next().value!);
  return fresh;
}

/**
 * A fitted model (fitted on {@link deseasonalised} histories) that forecasts in real units: each
 * context is deseasonalised before the model sees it and the forecast multiplied back. Contexts
 * without a profile pass through.
 */
export function withYearlyProfile(fitted: FittedModel): FittedModel {
  const back = (context: SeriesContext, mean: Float64Array) => {
    const profile = context.yearly;
    if (!profile) return mean;
    const origin = context.start + context.values.length;
    return mean.map((v, h) => v * yearlyFactor(profile, origin + h));
  };
  return {
    model: fitted.model,
    ...(fitted.calibrationFrom !== undefined ? { calibrationFrom: fitted.calibrationFrom } : {}),
    predict: (context, horizon) => back(context, fitted.predict(deseasonalised(context), horizon)),
    ...(fitted.predictMany
      ? {
        predictMany: (contexts: readonly SeriesContext[], horizon: number) =>
          fitted.predictMany!(contexts.map(deseasonalised), horizon).map((mean, i) =>
            back(contexts[i], mean)
          ),
      }
      : {}),
    ...(fitted.dispose ? { dispose: () => fitted.dispose!() } : {}),
  };
}

/**
 * Fits through `fit` on the deseasonalised history (the history itself when it carries no
 * profile) and returns the fitted model wrapped to forecast in units from any context that
 * carries one (a later origin of a rolling backtest may, where this one did not).
 */
export async function fitWithYearlyProfile(
  history: SeriesContext,
  fit: (history: SeriesContext) => FittedModel | Promise<FittedModel>,
): Promise<FittedModel> {
  return withYearlyProfile(await fit(deseasonalised(history)));
}
