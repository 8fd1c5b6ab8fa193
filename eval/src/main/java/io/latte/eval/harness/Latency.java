package io.latte.eval.harness;

import java.util.Arrays;

/** Latency statistics. */
public final class Latency {
  private Latency() {}

  /** Nearest-rank percentile of {@code values}, {@code p} in [0, 100]; 0 for no values. */
  public static double percentile(double[] values, double p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in [0, 100], got " + p);
    }
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
