package io.latte.eval.metrics;

import java.util.Objects;

/**
 * One retrieved document of a run.
 *
 * @param docId the corpus id; never empty
 * @param score the retrieval score, higher is better; must be finite because a TREC run file cannot
 *     carry NaN and {@code trec_eval} would read infinities inconsistently
 */
public record ScoredDoc(String docId, double score) {

  public ScoredDoc {
    Objects.requireNonNull(docId, "docId");
    if (docId.isEmpty()) {
      throw new IllegalArgumentException("docId must not be empty");
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score of doc \"" + docId + "\" must be finite, got " + score);
    }
  }
}
