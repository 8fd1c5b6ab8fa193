package io.latte.eval.harness;

import io.latte.eval.metrics.ScoredDoc;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The rankings one mode produced for every query, with each query's search latency. */
public record ModeRun(String mode, Map<String, List<ScoredDoc>> run, double[] latencyMillis) {
  public double meanLatencyMillis() {
    return Arrays.stream(latencyMillis).average().orElse(0);
  }

  /** Latency percentile, {@code p} in [0, 100], nearest-rank. */
  public double percentileMillis(double p) {
    return Latency.percentile(latencyMillis, p);
  }
}
