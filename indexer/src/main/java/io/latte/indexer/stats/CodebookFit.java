package io.latte.indexer.stats;

import io.latte.indexer.format.FitStats;

/**
 * How well the codebook still fits: the mean squared quantisation error of the tokens of the run
 * that created the index ("original") against those of the latest run ("recent"). Both are
 * measured while the tokens were compressed, in codebook space; the training-sample error is the
 * codebook's own estimate.
 *
 * @param trainingError mean squared error on the training sample (NaN if unknown)
 * @param original fit of the creating run's tokens
 * @param recent fit of the latest run's tokens
 */
public record CodebookFit(double trainingError, FitStats original, FitStats recent) {

  /** A recent error this much above the original suggests the data drifted: rebuild the codebook. */
  public static final double DRIFT_RATIO = 1.25;

  /** {@code recent.meanSquaredError / original.meanSquaredError}, NaN when either is unknown. */
  public double errorRatio() {
    return recent.meanSquaredError() / original.meanSquaredError();
  }

  /** A one-line verdict for humans. */
  public String verdict() {
    double r = errorRatio();
    if (Double.isNaN(r)) {
      return "no tokens measured yet";
    }
    if (r > DRIFT_RATIO) {
      return String.format(
          java.util.Locale.ROOT,
          "recent tokens quantise %.0f%% worse than the original ones: the codebook no longer fits"
              + " well; consider rebuilding the index", (r - 1) * 100);
    }
    return String.format(java.util.Locale.ROOT, "fits (recent/original error ratio %.2f)", r);
  }
}
