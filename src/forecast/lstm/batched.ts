/**
 * Forecasting many products through one shared network (the global LSTM) one product at a time
 * costs a network call per product, per window and per calibration batch: thousands of small
 * calls. {@link BatchedPredictions} runs the same per-product code twice instead — first
 * recording every forecast it asks for, then, after one batched pass over all of them
 * ({@link predictAcross}), replaying the answers in the same order. The per-product code must
 * ask for the same forecasts whatever the answers are (backtests and interval calibration do:
 * their origins depend on the history only).
 * @module
 */

import type { FittedModel, SeriesContext } from "../types.ts";
import { predictAcross, type TrainedLstm } from "./model.ts";

interface Request {
  contexts: readonly SeriesContext[];
  horizon: number;
}

/** Records forecasts requested from LSTMs, computes them in batches, then replays them. */
export class BatchedPredictions {
  #requests = new Map<TrainedLstm, Request[]>();
  #answers = new Map<TrainedLstm, Float64Array[][]>();
  #replaying = false;

  /** A fitted model that records (first pass) or answers (second pass) for `model`. */
  view(model: TrainedLstm): FittedModel {
    const many = (contexts: readonly SeriesContext[], horizon: number): Float64Array[] => {
      if (!this.#replaying) {
        const list = this.#requests.get(model) ?? [];
        list.push({ contexts, horizon });
        this.#requests.set(model, list);
        return contexts.map(() => new Float64Array(horizon));
      }
      const answer = this.#answers.get(model)?.shift();
      if (!answer || answer.length !== contexts.length || answer[0]?.length !== horizon) {
        throw new Error(`Batched forecasts of ${model.model} replayed out of order`);
      }
      return answer;
    };
    return {
      model: model.model,
      calibrationFrom: model.calibrationFrom,
      predict: (context, horizon) => many([context], horizon)[0],
      predictMany: many,
    };
  }

  /** Computes every recorded forecast (one batched pass per horizon) and switches to replay. */
  compute(): void {
    const byHorizon = new Map<number, { model: TrainedLstm; request: Request }[]>();
    for (const [model, requests] of this.#requests) {
      for (const request of requests) {
        const list = byHorizon.get(request.horizon) ?? [];
        list.push({ model, request });
        byHorizon.set(request.horizon, list);
      }
    }
    const answers = new Map<Request, Float64Array[]>();
    for (const [horizon, list] of byHorizon) {
      const computed = predictAcross(
        list.map(({ model, request }) => ({ model, contexts: request.contexts })),
        horizon,
      );
      list.forEach(({ request }, i) => answers.set(request, computed[i]));
    }
    for (const [model, requests] of this.#requests) {
      this.#answers.set(model, requests.map((request) => answers.get(request)!));
    }
    this.#requests.clear();
    this.#replaying = true;
  }
}
