package io.latte.indexer.format;

import io.latte.indexer.codebook.Codebook;

/**
 * One document's compressed tokens, read from the doc-major matrix.
 *
 * @param tokenCount number of tokens
 * @param centroids centroid id per token
 * @param codes residual codes, {@code tokenCount × bytesPerVector}, token-major; score them without
 *     decompressing with {@link io.latte.indexer.codebook.ResidualScorer}
 */
public record DocCodes(int tokenCount, int[] centroids, byte[] codes) {

  /**
   * Decompresses every token: {@code tokenCount × codebook.dim()} floats, row-major, in the
   * codebook's (possibly projected) space, i.e. comparable with {@code codebook.project(query)}.
   */
  public float[] decode(Codebook codebook) {
    int dim = codebook.dim();
    int bpv = codebook.bytesPerVector();
    float[] out = new float[tokenCount * dim];
    for (int i = 0; i < tokenCount; i++) {
      codebook.decode(centroids[i], codes, i * bpv, out, i * dim);
    }
    return out;
  }
}
