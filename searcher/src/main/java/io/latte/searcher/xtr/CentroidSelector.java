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
  /** The probes of one query: per query token, centroid ids best first, and their scores. */
  public record Probes(int[][] centroids, float[][] scores, float[][] allScores) {
    public int queryTokens() {
      return centroids.length;
    }

    /** Centroids of the codebook (every query token was scored against all of them). */
    public int numCentroids() {
      return allScores.length == 0 ? 0 : allScores[0].length;
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
    float[][] all = new float[queryTokens][];
    // One blocked SIMD pass over the packed centroid matrix for all query tokens.
    float[] scoresAll = new float[queryTokens * k];
    codebook.scoreCentroids(query, queryTokens, scoresAll, 0);
    for (int i = 0; i < queryTokens; i++) {
      float[] scores = java.util.Arrays.copyOfRange(scoresAll, i * k, (i + 1) * k);
      all[i] = scores;
      ids[i] = TopIndices.of(scores, probes);
      best[i] = new float[probes];
      for (int p = 0; p < probes; p++) {
        best[i][p] = scores[ids[i][p]];
      }
    }
    return new Probes(ids, best, all);
  }
}
