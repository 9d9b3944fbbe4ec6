/**
 * The backtests `auto`'s anchors are pooled over (see `select/anchor.ts`), computed alike by a
 * single run and by every shard of a sharded one: the light models on a fixed sample of all the
 * dataset's products, aligned among themselves (so a window a network could not score on a young
 * product does not change the pool). A shard backtests the sample products it does not own; the
 * run's own light backtests are reused. The returns pool gives each sample product the sales
 * forecast the light-only sales choice would give it (in the planning backtest, at each cutoff,
 * that of the light model chosen before it) — the run's own returns backtests are reused where
 * that is what the run gave. A single run of at most 200 products without networks does no
 * extra work.
 * @module
 */

import type { ProductSeries, SeriesSet } from "../../data/series.ts";
import type { BacktestWindow, SeriesBacktest } from "../backtest/series.ts";
import { alignWindows } from "../backtest/align.ts";
import { chooseModels } from "../select.ts";
import { windowsChosenBefore } from "../backtest/choice_at.ts";
import { type Anchors, anchorSample, mayAnchor, pooledAnchors } from "../select/anchor.ts";
import type { Target } from "../types.ts";
import { byCutoff, groupBacktests, resultKey } from "./results.ts";

/** The sales windows a product's returns models are given (those of its chosen sales model). */
export type SalesFor = (productId: string) => BacktestWindow[] | undefined;

/** What the pool needs from the dataset backtest. */
export interface PoolSource {
  /** Every product of the dataset (the sample is drawn from these). */
  all: SeriesSet;
  /** The products this run backtests (a shard, or all). */
  owned: SeriesSet;
  /** The run's models. */
  models: readonly string[];
  /**
   * When returns models are given, at each cutoff, the sales forecast of the model chosen before
   * it (the planning backtest): the pool's returns then get that of the light model chosen before
   * it. Otherwise they get the light-only sales choice's windows.
   */
  honest?: { cutoffs: readonly number[]; fallback: string };
  /** Backtests `models` on `products` (returns: given `salesFor`'s sales), without progress. */
  backtest(
    target: Target,
    products: readonly ProductSeries[],
    models: readonly string[],
    salesFor?: SalesFor,
  ): Promise<SeriesBacktest[]>;
}

/** The anchor pool of one dataset backtest: sales first, then returns. */
export class AnchorPool {
  readonly #source: PoolSource;
  readonly #sample: Set<string>;
  readonly #owned: Set<string>;
  readonly #light: string[];
  #sales?: { pool: SeriesBacktest[]; anchors: Anchors };

  constructor(source: PoolSource) {
    this.#source = source;
    this.#sample = anchorSample(source.all.products.map((p) => p.id));
    this.#owned = new Set(source.owned.products.map((p) => p.id));
    this.#light = source.models.filter(mayAnchor);
  }

  #inPool(entry: SeriesBacktest): boolean {
    return this.#sample.has(entry.productId) && mayAnchor(entry.model);
  }

  /** The sales anchor, from the run's own sales backtests (before alignment) and the rest. */
  async sales(raw: readonly SeriesBacktest[]): Promise<Anchors> {
    const outside = this.#source.all.products.filter((p) =>
      this.#sample.has(p.id) && !this.#owned.has(p.id)
    );
    const pool = alignWindows([
      ...raw.filter((r) => this.#inPool(r)),
      ...(outside.length > 0 ? await this.#source.backtest("sales", outside, this.#light) : []),
    ]);
    const anchors = pooledAnchors(pool);
    this.#sales = { pool, anchors };
    return anchors;
  }

  /**
   * The returns anchor, from the run's own returns backtests (before alignment), whose sales
   * inputs came from `used`.
   */
  async returns(raw: readonly SeriesBacktest[], used: SalesFor): Promise<Anchors> {
    if (!this.#sales) throw new Error("AnchorPool: the sales anchor comes first");
    const { pool, anchors } = this.#sales;
    const windows = groupBacktests(pool);
    const choices = new Map(
      chooseModels(pool, { anchors }).map((c) => [c.productId, c.model]),
    );
    const honest = this.#source.honest;
    const light: SalesFor = honest
      ? (id) =>
        windowsChosenBefore(
          windows.get(resultKey(id, "sales")) ?? new Map(),
          honest.cutoffs,
          honest.fallback,
        )
      : (id) => windows.get(resultKey(id, "sales"))?.get(choices.get(id)!);
    const cutoffs = (w: BacktestWindow[] | undefined) => w?.map((x) => x.cutoff).join() ?? "";
    const same = (id: string) => {
      const a = used(id);
      const b = light(id);
      if (a === undefined || b === undefined || cutoffs(a) !== cutoffs(b)) return false;
      const atCutoff = byCutoff(b);
      return a.every((w) => atCutoff.get(w.cutoff) === w);
    };
    const redo = this.#source.all.products.filter((p) =>
      this.#sample.has(p.id) && !(this.#owned.has(p.id) && same(p.id))
    );
    const returnsPool = alignWindows([
      ...raw.filter((r) => this.#inPool(r) && same(r.productId)),
      ...(redo.length > 0 ? await this.#source.backtest("returns", redo, this.#light, light) : []),
    ]);
    return pooledAnchors(returnsPool);
  }
}
