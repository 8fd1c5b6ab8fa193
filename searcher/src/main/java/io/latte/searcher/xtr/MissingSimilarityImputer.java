package io.latte.searcher.xtr;

/**
 * What a query token contributes to a document it retrieved no token from. Token retrieval only
 * sees the best clusters, so a document's true best similarity for that query token is unknown but
 * bounded: it lies below what was retrieved. Two named estimates:
 *
 * <ul>
 *   <li>{@link KPrime} (XTR): the k'-th best similarity among the tokens this query token retrieved.
 *       A document whose best retrieved token scores below it also gets it, so the contribution is
 *       {@code max(retrieved, m)} — exactly XTR's rule of scoring only the top-k' tokens.
 *   <li>{@link ClusterMass} (WARP): the centroid score of the first cluster, in score order, at which
 *       the cumulative cluster size passes {@code t'} tokens; a retrieved similarity is kept as is.
 * </ul>
 */
public sealed interface MissingSimilarityImputer {
  /** The missing-similarity value of each query token. */
  float[] missingValues(CentroidSelector.Probes probes, KthLargest[] retrieved, ClusterSizes sizes);

  /** The contribution of one query token given its best retrieved similarity ({@code -∞} if none). */
  float combine(float retrieved, float missing);

  /** XTR's imputation with the k'-th retrieved similarity. */
  record KPrime(int kPrime) implements MissingSimilarityImputer {
    public KPrime {
      if (kPrime < 1) {
        throw new IllegalArgumentException("k' must be >= 1, got " + kPrime);
      }
    }

    @Override
    public float[] missingValues(CentroidSelector.Probes probes, KthLargest[] retrieved, ClusterSizes sizes) {
      float[] m = new float[retrieved.length];
      for (int q = 0; q < m.length; q++) {
        float v = retrieved[q].value();
        // Nothing retrieved at all for this token: fall back to its worst probed centroid's score.
        m[q] = v == Float.NEGATIVE_INFINITY ? lastProbe(probes, q) : v;
      }
      return m;
    }

    @Override
    public float combine(float retrieved, float missing) {
      return Math.max(retrieved, missing);
    }
  }

  /** WARP's imputation from cumulative cluster sizes. */
  record ClusterMass(long tPrime) implements MissingSimilarityImputer {
    public ClusterMass {
      if (tPrime < 1) {
        throw new IllegalArgumentException("t' must be >= 1, got " + tPrime);
      }
    }

    @Override
    public float[] missingValues(CentroidSelector.Probes probes, KthLargest[] retrieved, ClusterSizes sizes) {
      float[] m = new float[probes.queryTokens()];
      for (int q = 0; q < m.length; q++) {
        int k = probes.numCentroids();
        float[] scores = java.util.Arrays.copyOfRange(probes.allScores(), q * k, (q + 1) * k);
        int[] order = TopIndices.of(scores, scores.length);
        long cumulative = 0;
        float value = scores[order[order.length - 1]];
        for (int c : order) {
          cumulative += sizes.size(c);
          if (cumulative >= tPrime) {
            value = scores[c];
            break;
          }
        }
        m[q] = value;
      }
      return m;
    }

    @Override
    public float combine(float retrieved, float missing) {
      return retrieved == Float.NEGATIVE_INFINITY ? missing : retrieved;
    }
  }

  private static float lastProbe(CentroidSelector.Probes probes, int q) {
    float[] s = probes.scores()[q];
    return s[s.length - 1];
  }
}
