package io.latte.searcher;

import io.latte.indexer.input.TokenVectors;

/**
 * An encoded query as the searcher takes it: one vector per query token in the model's space
 * (row-major {@code tokens × dim}), the token strings for explanations, and the pooled vector
 * (may be null). The searcher never sees text encoders, only these.
 */
public record QueryVectors(float[] flat, int tokens, int dim, String[] tokenStrings, float[] pooled) {
  public QueryVectors {
    if (tokens < 1) {
      throw new IllegalArgumentException("query must have at least one token vector, got " + tokens);
    }
    if (flat.length != tokens * dim) {
      throw new IllegalArgumentException("query matrix has " + flat.length + " floats, expected " + tokens + " x " + dim);
    }
    if (tokenStrings != null && tokenStrings.length != tokens) {
      throw new IllegalArgumentException("tokenStrings has " + tokenStrings.length + " entries, expected " + tokens);
    }
  }

  public static QueryVectors of(float[][] vectors, String[] tokenStrings, float[] pooled) {
    int dim = vectors.length == 0 ? 0 : vectors[0].length;
    float[] flat = new float[vectors.length * dim];
    for (int i = 0; i < vectors.length; i++) {
      System.arraycopy(vectors[i], 0, flat, i * dim, dim);
    }
    return new QueryVectors(flat, vectors.length, dim, tokenStrings, pooled);
  }

  /**
   * Query token vectors computed elsewhere (an index built from precomputed vectors, a client that
   * encodes itself), checked as document vectors are: at least one row, all rows of one length,
   * finite values.
   *
   * @param tokens the token strings for explanations, or null
   * @throws io.latte.indexer.input.InvalidVectorsException naming the first bad element ({@code
   *     vectors[1][7]})
   */
  public static QueryVectors checked(float[][] rows, String[] tokens) {
    TokenVectors v = TokenVectors.ofRows(rows, tokens, null, 0);
    return new QueryVectors(v.values(), v.tokenCount(), v.dim(), v.tokens(), null);
  }

  public String token(int i) {
    return tokenStrings == null ? "#" + i : tokenStrings[i];
  }
}
