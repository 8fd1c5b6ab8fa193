package io.latte.searcher.xtr;

import java.util.Arrays;

/**
 * The order in which token retrieval visits clusters: every cluster probed by at least one query
 * token, once, with the query tokens that probe it and their centroid scores. Scanning a cluster for
 * all of its query tokens together reads its codes once (a SciFact query's tokens probe about three
 * times fewer distinct tokens than they probe in total, and the scan is bound by memory bandwidth).
 *
 * <p>Order: by the best rank the cluster has in any query token's probe list, then by that query
 * token's centroid score. Each query token then still meets its own best clusters early, which is
 * what makes its k'-th-best threshold rise fast.
 */
public final class ProbePlan {
  private final int[] centroids;
  private final int[][] queries;
  private final float[][] scores;

  private ProbePlan(int[] centroids, int[][] queries, float[][] scores) {
    this.centroids = centroids;
    this.queries = queries;
    this.scores = scores;
  }

  public static ProbePlan of(CentroidSelector.Probes probes) {
    int nq = probes.queryTokens();
    int numCentroids = probes.numCentroids();
    int[] count = new int[numCentroids];
    int[] bestRank = new int[numCentroids];
    float[] bestScore = new float[numCentroids];
    Arrays.fill(bestRank, Integer.MAX_VALUE);
    int distinct = 0;
    for (int q = 0; q < nq; q++) {
      int[] ids = probes.centroids()[q];
      for (int r = 0; r < ids.length; r++) {
        int c = ids[r];
        if (count[c]++ == 0) {
          distinct++;
        }
        float s = probes.scores()[q][r];
        if (r < bestRank[c] || (r == bestRank[c] && s > bestScore[c])) {
          bestRank[c] = r;
          bestScore[c] = s;
        }
      }
    }
    Integer[] order = new Integer[distinct];
    int n = 0;
    for (int c = 0; c < numCentroids; c++) {
      if (count[c] > 0) {
        order[n++] = c;
      }
    }
    Arrays.sort(order, (a, b) -> bestRank[a] != bestRank[b] ? Integer.compare(bestRank[a], bestRank[b])
        : bestScore[a] != bestScore[b] ? Float.compare(bestScore[b], bestScore[a]) : Integer.compare(a, b));
    int[] position = new int[numCentroids];
    int[] centroids = new int[distinct];
    int[][] queries = new int[distinct][];
    float[][] scores = new float[distinct][];
    for (int i = 0; i < distinct; i++) {
      int c = order[i];
      centroids[i] = c;
      position[c] = i;
      queries[i] = new int[count[c]];
      scores[i] = new float[count[c]];
      count[c] = 0;
    }
    for (int q = 0; q < nq; q++) {
      int[] ids = probes.centroids()[q];
      for (int r = 0; r < ids.length; r++) {
        int i = position[ids[r]];
        int at = count[ids[r]]++;
        queries[i][at] = q;
        scores[i][at] = probes.scores()[q][r];
      }
    }
    return new ProbePlan(centroids, queries, scores);
  }

  /** Distinct clusters to visit. */
  public int size() {
    return centroids.length;
  }

  /** Centroid id of the {@code i}-th cluster to visit. */
  public int centroid(int i) {
    return centroids[i];
  }

  /** Query tokens that probe the {@code i}-th cluster (ascending). */
  public int[] queries(int i) {
    return queries[i];
  }

  /** Their scores for its centroid, parallel to {@link #queries}. */
  public float[] scores(int i) {
    return scores[i];
  }
}
