package io.latte.searcher.xtr;

import io.latte.indexer.codebook.Codebook;

/**
 * Stage 1 of token retrieval: score every centroid against every query token and keep, per query
 * token, the {@code nprobe} best centroids (the clusters whose postings will be scanned).
 *
 * <p>One dot product per (query token, centroid) is cheap next to scanning postings, and the same
 * centroid score is reused as the first term of every token score in that cluster
 * ({@code q · v ≈ q · c + q · r̂}).
 */
public final class CentroidSelector {
  /**
   * The probes of one query: per query token, centroid ids best first, and their scores.
   *
   * @param allScores every query token's score against every centroid, row-major {@code
   *     queryTokens × numCentroids} (one array: no per-token copies on the search path)
   */
  public record Probes(int[][] centroids, float[][] scores, float[] allScores, int numCentroids) {
    public int queryTokens() {
      return centroids.length;
    }

    /** Query token {@code q}'s score against centroid {@code c}. */
    public float score(int q, int c) {
      return allScores[q * numCentroids + c];
    }
  }

  private final Codebook codebook;

  public CentroidSelector(Codebook codebook) {
    this.codebook = codebook;
  }

  public int numCentroids() {
    return codebook.numCentroids();
  }

  /**
   * The {@code nprobe} best centroids of each query token.
   *
   * @param query row-major {@code queryTokens × dim}, already projected into the codebook's space
   */
  public Probes select(float[] query, int queryTokens, int nprobe) {
    if (nprobe < 1) {
      throw new IllegalArgumentException("nprobe must be >= 1, got " + nprobe);
    }
    int k = codebook.numCentroids();
    int probes = Math.min(nprobe, k);
    int[][] ids = new int[queryTokens][];
    float[][] best = new float[queryTokens][];
    // One blocked SIMD pass over the packed centroid matrix for all query tokens.
    float[] all = new float[queryTokens * k];
    codebook.scoreCentroids(query, queryTokens, all, 0);
    for (int i = 0; i < queryTokens; i++) {
      ids[i] = TopIndices.of(all, i * k, k, probes);
      best[i] = new float[probes];
      for (int p = 0; p < probes; p++) {
        best[i][p] = all[i * k + ids[i][p]];
      }
    }
    return new Probes(ids, best, all, k);
  }
}
