package io.latte.eval.baseline;

import io.latte.eval.encode.EncodedCorpus;
import org.apache.lucene.util.VectorUtil;

/** Dense baseline: one pooled vector per document, exact dot product (= cosine, both normalised). */
public final class DenseExact {
  private final EncodedCorpus corpus;

  public DenseExact(EncodedCorpus corpus) {
    if (corpus.size() > 0 && corpus.pooled(0).length == 0) {
      throw new IllegalArgumentException("model " + corpus.modelName() + " has no pooled vector (pooling: none)");
    }
    this.corpus = corpus;
  }

  public float[] scoreAll(float[] pooledQuery) {
    float[] scores = new float[corpus.size()];
    for (int d = 0; d < scores.length; d++) {
      scores[d] = VectorUtil.dotProduct(pooledQuery, corpus.pooled(d));
    }
    return scores;
  }
}
