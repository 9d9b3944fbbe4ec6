/** The report says per product when returns are forecast as zero, and why. */

import { assert, assertEquals, assertIncludes } from "../helpers/assert.ts";
import {
  type ChosenModel,
  NAMED_PRODUCTS,
  noReturnsNote,
} from "../../src/report/sections/choice.ts";
import { chooseFor } from "../../src/forecast/select.ts";
import type { BacktestWindow } from "../../src/forecast/backtest/series.ts";

/** A window forecasting `level` every day against `actual`. */
function window(cutoff: number, actual: number[], level: number): BacktestWindow {
  const mean = new Float64Array(actual.length).fill(level);
  return {
    cutoff,
    forecast: { mean, lo80: mean, hi80: mean, lo95: mean, hi95: mean },
    actual: Float64Array.from(actual),
    scales: { mae: 1, mse: 1 },
  };
}

const returns = (productId: string, model: string, reason: string): ChosenModel => ({
  productId,
  target: "returns",
  model,
  reason,
});

Deno.test("no sentence when no product's returns are forecast as zero", () => {
  assertEquals(
    noReturnsNote(
      [returns("A", "lag", "…"), { ...returns("B", "zero", "…"), target: "sales" }],
      2,
      true,
    ),
    "",
  );
});

Deno.test("products left on the zero anchor are named, with the reason the chooser gave", () => {
  // The reason `chooseFor` writes where zero is the anchor and nothing beats it.
  const lumpy = [0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const zero = [0, 1, 2].map((c) => window(c * 14, lumpy, 0));
  const lag = [0, 1, 2].map((c) => window(c * 14, lumpy, 0.7));
  const choice = chooseFor(
    [
      { productId: "A<b>", target: "returns", model: "zero", windows: zero },
      { productId: "A<b>", target: "returns", model: "lag", windows: lag },
    ],
    { model: "zero", rmsse: 0.5, products: 3 },
  );
  assertEquals(choice.model, "zero");
  const note = noReturnsNote(
    [
      returns("A<b>", "zero", choice.reason),
      returns("B", "lag", "…"),
      returns("C", "zero", choice.reason),
    ],
    3,
    true,
  );
  assertIncludes(note, "Returns are forecast as zero for 2 of 3 products (A<b> and C)");
  assertIncludes(note, "forecasting none had the lowest backtest RMSSE across products");
  assertIncludes(note, "no returns model was clearly better in both RMSSE and 7-day totals");
});

Deno.test("zero chosen against another anchor, or asked for, says so; long lists are cut", () => {
  const beaten = noReturnsNote([returns("A", "zero", "clearly better than lag …")], 1, true);
  assertIncludes(
    beaten,
    "for every product (A): by the rule in Methods, forecasting none did best",
  );
  const asked = noReturnsNote([returns("A", "zero", "chosen with --model zero")], 1, false);
  assertIncludes(asked, "--model zero was asked for");
  const many = Array.from(
    { length: NAMED_PRODUCTS + 5 },
    (_, i) => returns(`P${i}`, "zero", "no returns forecast: …"),
  );
  const note = noReturnsNote(many, 100, true);
  assertIncludes(note, `${NAMED_PRODUCTS + 5} of 100 products (the first ${NAMED_PRODUCTS}: P0,`);
  assert(!note.includes(`P${NAMED_PRODUCTS},`), "only the first ones are named");
});
