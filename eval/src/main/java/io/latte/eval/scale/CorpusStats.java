package io.latte.eval.scale;

import io.latte.indexer.codebook.KMeans;
import io.latte.indexer.input.TokenVectors;
import io.latte.indexer.vector.VectorKernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Two of the three measures by which a synthetic corpus is compared with the real one it was made
 * from (the third, xtr's recall@10 against exact MaxSim, needs an index: {@link ScaleBench}). Both
 * work on uniform token samples, so they cost the same at any corpus size.
 *
 * <ul>
 *   <li><b>Tokens per centroid under the same codebook</b>: k-means trained on a sample of real
 *       tokens; both corpora's samples are assigned to it, and the cluster-size distributions are
 *       compared by KL(real ‖ synthetic) (add-one smoothing). A generator that put tokens where real
 *       tokens are not would fill other clusters.
 *   <li><b>Nearest-neighbour similarity</b>: for sampled tokens, the cosine of the most similar token
 *       of another document in a token sample of the same corpus; the two distributions are compared
 *       by the Kolmogorov–Smirnov distance and their medians. Near-duplicate documents would push it
 *       up, tokens spread too far would push it down; both change what token retrieval faces.
 * </ul>
 */
public final class CorpusStats {
  /** What was measured for one corpus. */
  public record Sample(float[] tokens, int[] documents, int rows, int dim) {}

  /** The comparison, with the tolerances it is judged by. */
  public record Comparison(int centroids, int sample_tokens, double cluster_kl, double cluster_kl_max,
      double nn_ks, double nn_ks_max, double nn_median_real, double nn_median_synthetic,
      double nn_p10_real, double nn_p10_synthetic, double nn_p90_real, double nn_p90_synthetic,
      boolean within_tolerance) {}

  /** KL(real ‖ synthetic) of tokens per centroid at or below this passes. */
  public static final double MAX_CLUSTER_KL = 0.05;
  /** KS distance of the nearest-neighbour similarity distributions at or below this passes. */
  public static final double MAX_NN_KS = 0.15;

  private CorpusStats() {}

  /** {@code rows} tokens drawn uniformly (documents by their token count) with their documents. */
  public static Sample sample(VectorCorpus corpus, int rows, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int dim = corpus.dim();
    float[] out = new float[rows * dim];
    int[] docs = new int[rows];
    long n = corpus.documents();
    int filled = 0;
    // Documents drawn uniformly and then one token each would over-weight short documents; drawing a
    // document and keeping each of its tokens with a small probability is uniform over tokens.
    double keep = 0.05;
    while (filled < rows) {
      long d = r.nextLong(n);
      TokenVectors v = corpus.document(d);
      for (int t = 0; t < v.tokenCount() && filled < rows; t++) {
        if (r.nextDouble() < keep) {
          System.arraycopy(v.values(), t * dim, out, filled * dim, dim);
          docs[filled++] = (int) (d % Integer.MAX_VALUE);
        }
      }
    }
    return new Sample(out, docs, rows, dim);
  }

  public static Comparison compare(Sample real, Sample synthetic, int centroids, int nnQueries, int threads,
      long seed) {
    KMeans.Result km = KMeans.train(real.tokens(), real.rows(), real.dim(),
        KMeans.Options.defaults(centroids).withSeed(seed).withThreads(threads), null);
    double[] pReal = clusterShares(real, km, threads);
    double[] pSyn = clusterShares(synthetic, km, threads);
    double kl = 0;
    for (int c = 0; c < centroids; c++) {
      kl += pReal[c] * Math.log(pReal[c] / pSyn[c]);
    }
    double[] nnReal = nearestNeighbours(real, nnQueries, seed, threads);
    double[] nnSyn = nearestNeighbours(synthetic, nnQueries, seed, threads);
    double ks = ks(nnReal, nnSyn);
    return new Comparison(centroids, real.rows(), kl, MAX_CLUSTER_KL, ks, MAX_NN_KS, q(nnReal, 0.5), q(nnSyn, 0.5),
        q(nnReal, 0.1), q(nnSyn, 0.1), q(nnReal, 0.9), q(nnSyn, 0.9), kl <= MAX_CLUSTER_KL && ks <= MAX_NN_KS);
  }

  /** Share of the sample nearest to each centroid, add-one smoothed. */
  static double[] clusterShares(Sample s, KMeans.Result km, int threads) {
    int[] nearest = new int[s.rows()];
    parallel(threads, s.rows(), i -> {
      int best = 0;
      float bestSim = Float.NEGATIVE_INFINITY;
      for (int c = 0; c < km.k(); c++) {
        float sim = VectorKernels.dot(s.tokens(), i * s.dim(), km.centroids(), c * s.dim(), s.dim());
        if (sim > bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      nearest[i] = best;
    });
    double[] shares = new double[km.k()];
    Arrays.fill(shares, 1);
    for (int c : nearest) {
      shares[c]++;
    }
    double total = s.rows() + km.k();
    for (int c = 0; c < shares.length; c++) {
      shares[c] /= total;
    }
    return shares;
  }

  /** For {@code count} sampled tokens: the best cosine to a sample token of another document, sorted. */
  static double[] nearestNeighbours(Sample s, int count, long seed, int threads) {
    int[] probes = new SplittableRandom(seed ^ 0x5DEECE66DL).ints(count, 0, s.rows()).toArray();
    double[] out = new double[count];
    parallel(threads, count, i -> {
      int p = probes[i];
      float best = -1;
      for (int j = 0; j < s.rows(); j++) {
        if (s.documents()[j] != s.documents()[p]) {
          best = Math.max(best, VectorKernels.dot(s.tokens(), p * s.dim(), s.tokens(), j * s.dim(), s.dim()));
        }
      }
      out[i] = best;
    });
    Arrays.sort(out);
    return out;
  }

  /** Kolmogorov–Smirnov distance of two sorted samples. */
  static double ks(double[] a, double[] b) {
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < a.length && j < b.length) {
      double x = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= x) {
        i++;
      }
      while (j < b.length && b[j] <= x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
    }
    return d;
  }

  static double q(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
  }

  private static void parallel(int threads, int n, java.util.function.IntConsumer body) {
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    } finally {
      pool.shutdown();
    }
  }
}
