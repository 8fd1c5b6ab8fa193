package io.latte.eval.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The measures of a run: per query and their mean.
 *
 * @param perQuery query id → measures, for every query that was averaged, in qrels order
 * @param mean the mean over {@code perQuery}
 */
public record Evaluation(Map<String, Measures> perQuery, Measures mean) {

  public Evaluation {
    Objects.requireNonNull(perQuery, "perQuery");
    Objects.requireNonNull(mean, "mean");
    perQuery = Collections.unmodifiableMap(new LinkedHashMap<>(perQuery));
  }

  /** Builds an evaluation whose mean is computed from the per-query measures. */
  public static Evaluation of(Map<String, Measures> perQuery) {
    return new Evaluation(perQuery, Measures.mean(perQuery.values()));
  }

  /** How many queries were averaged. */
  public int queryCount() {
    return perQuery.size();
  }
}
