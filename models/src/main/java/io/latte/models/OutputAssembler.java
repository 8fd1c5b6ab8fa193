package io.latte.models;

import java.util.Set;

/**
 * Turns one row of a batch's token states into an {@link EncodedText}: drops padding, special
 * tokens (unless kept) and skiplist tokens, normalises, and pools.
 *
 * <p>Pooling reads the raw states of every real (attention 1) position, before anything is dropped
 * or normalised, because that is how the models' pooled embeddings are defined (bge: [CLS];
 * sentence-transformers: attention-masked mean).
 */
final class OutputAssembler {

  private final ModelSpec.Pooling pooling;
  private final boolean normalize;
  private final boolean keepSpecialTokens;
  private final Set<Long> skipIds;

  /**
   * @param skipIds token ids whose vectors are dropped (the spec's skiplist for documents, empty for
   *     queries)
   */
  OutputAssembler(ModelSpec.Pooling pooling, boolean normalize, boolean keepSpecialTokens,
                  Set<Long> skipIds) {
    this.pooling = pooling;
    this.normalize = normalize;
    this.keepSpecialTokens = keepSpecialTokens;
    this.skipIds = Set.copyOf(skipIds);
  }

  /**
   * @param input the unpadded input of this row
   * @param states flat [batch, seqLen, dim] states of the whole batch
   * @param rowOffset index in {@code states} where this row starts ({@code row * seqLen * dim})
   * @param dim vector dimension
   */
  EncodedText assemble(ModelInput input, float[] states, int rowOffset, int dim) {
    int n = input.length();
    int kept = 0;
    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      keep[i] = (keepSpecialTokens || !input.special()[i]) && !skipIds.contains(input.ids()[i]);
      if (keep[i]) {
        kept++;
      }
    }
    float[][] vectors = new float[kept][];
    String[] tokens = new String[kept];
    int[] starts = new int[kept];
    int[] ends = new int[kept];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!keep[i]) {
        continue;
      }
      float[] v = VectorMath.row(states, rowOffset + i * dim, dim);
      if (normalize) {
        VectorMath.normalize(v);
      }
      vectors[k] = v;
      tokens[k] = input.tokens()[i];
      starts[k] = input.starts()[i];
      ends[k] = input.ends()[i];
      k++;
    }
    return new EncodedText(vectors, tokens, starts, ends, pool(states, rowOffset, n, dim));
  }

  private float[] pool(float[] states, int rowOffset, int length, int dim) {
    float[] pooled = switch (pooling) {
      case CLS -> VectorMath.row(states, rowOffset, dim);
      case MEAN -> VectorMath.meanOfRows(states, rowOffset, length, dim);
      case NONE -> null;
    };
    if (pooled != null && normalize) {
      VectorMath.normalize(pooled);
    }
    return pooled;
  }
}
