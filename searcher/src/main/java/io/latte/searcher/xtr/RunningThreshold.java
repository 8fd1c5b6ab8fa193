package io.latte.searcher.xtr;

/**
 * A lower bound on the {@code k}-th largest of a stream of values in a known range, kept by a
 * histogram: O(1) per value, and it rises with every value instead of in steps.
 *
 * <p>Why: token retrieval skips every token at or below the running k'-th best similarity of its
 * query token. A buffer-and-quickselect tracker ({@link KthLargest}) raises its threshold only every
 * k values, and on SciFact about four times k' tokens per query token still passed it. Counting the
 * values per bin of {@code [lo, hi)} gives a bound that trails the true k-th largest by at most one bin,
 * so fewer tokens pass; the exact k-th largest is then computed once, over the tokens that passed.
 *
 * <p>Invariant: when {@link #threshold()} is finite, at least {@code k} values offered are greater
 * than it. Values outside {@code [lo, hi)} are counted in the end bins (still correct, only looser).
 */
public final class RunningThreshold {
  private final int k;
  private final float lo;
  private final float scale;
  private final int[] counts;
  /** First bin counted in {@link #above}. */
  private int floorBin;
  /** Values in bins {@code >= floorBin}. */
  private int above;
  private float threshold = Float.NEGATIVE_INFINITY;

  /**
   * @param k which largest value to bound, ≥ 1
   * @param lo smallest expected value
   * @param hi largest expected value (≥ lo)
   * @param bins histogram resolution, ≥ 2
   */
  public RunningThreshold(int k, float lo, float hi, int bins) {
    if (k < 1 || bins < 2 || !(hi >= lo)) {
      throw new IllegalArgumentException("need k >= 1, bins >= 2, hi >= lo; got k=" + k + ", bins=" + bins
          + ", lo=" + lo + ", hi=" + hi);
    }
    this.k = k;
    this.lo = lo;
    this.scale = hi > lo ? bins / (hi - lo) : 1f;
    this.counts = new int[bins];
  }

  /** Values at or below this cannot be among the k largest; {@code -∞} until k values were seen. */
  public float threshold() {
    return threshold;
  }

  public void offer(float v) {
    int b = bin(v);
    counts[b]++;
    if (b < floorBin) {
      return;
    }
    above++;
    if (above < k) {
      return;
    }
    while (above - counts[floorBin] >= k) {
      above -= counts[floorBin];
      floorBin++;
    }
    // Every value counted in bins >= floorBin is at least the bin's lower edge; step a hundredth of
    // a bin lower so float rounding in bin() can never put a value below the threshold.
    threshold = floorBin == 0 ? Float.NEGATIVE_INFINITY : lo + (floorBin - 0.01f) / scale;
  }

  private int bin(float v) {
    float x = (v - lo) * scale;
    if (!(x >= 0)) {
      return 0;
    }
    return x >= counts.length ? counts.length - 1 : (int) x;
  }
}
