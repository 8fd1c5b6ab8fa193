package io.latte.searcher;

import java.io.IOException;
import java.util.List;

/**
 * What a {@link Retriever} returns: documents best first, the score of a document left out of them
 * when the retriever knows it, and how to explain one of them.
 *
 * @param floor the score of any document outside {@code top}: token retrieval ranks only documents
 *     it retrieved a token from, the rest score the all-imputed floor, which anchors hybrid's linear
 *     normalisation (else it would move with where the list ends). NaN when unknown
 * @param explanations token-level explanations of entries of {@code top}
 */
record Ranking(List<ScoredDocs.Entry> top, float floor, Explanations explanations) {
  /** Explains one entry of a ranking from the numbers that scored it. */
  @FunctionalInterface
  interface Explanations {
    /** No explanations (BM25), or none asked for. */
    Explanations NONE = e -> null;

    /** The entry's per-query-token matches, or null when the ranking has none. */
    List<TokenMatch> explain(ScoredDocs.Entry e) throws IOException;
  }

  /** A ranking whose documents were scored by exact MaxSim (explained by the same kernel). */
  static Ranking exact(List<ScoredDocs.Entry> top, RetrievalQuery q, MaxSimScorer scorer) {
    Explainer explainer = q.explainer();
    return new Ranking(top, Float.NaN, explainer == null ? Explanations.NONE : e -> explainer.fromMaxSim(scorer, e));
  }
}
