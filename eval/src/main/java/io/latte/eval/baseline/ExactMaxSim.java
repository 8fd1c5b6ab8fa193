package io.latte.eval.baseline;

import io.latte.eval.encode.EncodedCorpus;
import io.latte.indexer.vector.PackedVectors;
import io.latte.indexer.vector.VectorKernels;

/**
 * The oracle: Σ over query tokens of the maximum dot product with any token of the document,
 * computed for every document. Nothing is skipped or approximated.
 */
public final class ExactMaxSim {
  private final EncodedCorpus corpus;

  public ExactMaxSim(EncodedCorpus corpus) {
    this.corpus = corpus;
  }

  public float[] scoreAll(float[] queryFlat, int queryTokens) {
    int dim = corpus.dim();
    if (queryFlat.length != queryTokens * dim) {
      throw new IllegalArgumentException(
          "query matrix has " + queryFlat.length + " floats, expected " + queryTokens + " x " + dim);
    }
    PackedVectors query = VectorKernels.pack(queryFlat, 0, queryTokens, dim);
    float[] scores = new float[corpus.size()];
    for (int d = 0; d < scores.length; d++) {
      scores[d] = VectorKernels.maxSim(query, corpus.tokens(d), corpus.tokenCount(d));
    }
    return scores;
  }
}
