package io.latte.eval.scale;

import io.latte.indexer.codebook.KMeans;
import io.latte.indexer.input.TokenVectors;
import io.latte.indexer.vector.PackedVectors;
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

  /**
   * The comparison, with the tolerances it is judged by, and each measure between two independent
   * samples of the real corpus ({@code *_real_vs_real}): the floor that sampling noise alone gives,
   * below which no generator can be shown to be closer.
   */
  public record Comparison(int centroids, int sample_tokens, int nn_probes, double cluster_kl,
      double cluster_kl_real_vs_real, double cluster_kl_max, double nn_ks, double nn_ks_real_vs_real,
      double nn_ks_max, double nn_median_real, double nn_median_synthetic, double nn_p10_real,
      double nn_p10_synthetic, double nn_p90_real, double nn_p90_synthetic, boolean within_tolerance) {}

  /** KL(real ‖ synthetic) of tokens per centroid at or below this passes. */
  public static final double MAX_CLUSTER_KL = 0.05;
  /** KS distance of the nearest-neighbour similarity distributions at or below this passes. */
  public static final double MAX_NN_KS = 0.15;
  /** Tokens per sample: at 32 768 two real samples differed by KL 0.047 (see {@link #compare}). */
  public static final int DEFAULT_SAMPLE_TOKENS = 131_072;
  /** Nearest-neighbour probes per corpus: KS over 500 probes has a 95 % noise band of ≈ 0.09. */
  public static final int DEFAULT_NN_PROBES = 2_000;

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

  /**
   * Compares {@code synthetic} with {@code real} on samples of {@code rows} tokens each.
   *
   * <p>The codebook is trained on a third, held-out sample of the real corpus. Trained on the very
   * sample it then measured (as generator v2's validation did), it fits that sample's own clumps
   * (tokens of the same document sit together) and every other sample looks far from it: two
   * independent samples of real SciFact differed by KL 0.108 that way at 32 768 tokens, more than
   * the tolerance, while the synthetic corpus differed by 0.094 — the measure, not the generator,
   * failed. Held out and at 131 072 tokens, the real-vs-real floor is ≈ 0.008.
   */
  public static Comparison compare(VectorCorpus real, VectorCorpus synthetic, int rows, int centroids,
      int nnQueries, int threads, long seed) {
    Sample train = sample(real, rows, seed ^ 0x7A11_5EEDL);
    Sample realA = sample(real, rows, seed);
    Sample realB = sample(real, rows, seed + 1);
    Sample syn = sample(synthetic, rows, seed);
    KMeans.Result km = KMeans.train(train.tokens(), train.rows(), train.dim(),
        KMeans.Options.defaults(centroids).withSeed(seed).withThreads(threads), null);
    double[] pReal = clusterShares(realA, km, threads);
    double kl = kl(pReal, clusterShares(syn, km, threads));
    double klFloor = kl(pReal, clusterShares(realB, km, threads));
    double[] nnReal = nearestNeighbours(realA, nnQueries, seed, threads);
    double[] nnSyn = nearestNeighbours(syn, nnQueries, seed, threads);
    double ks = ks(nnReal, nnSyn);
    double ksFloor = ks(nnReal, nearestNeighbours(realB, nnQueries, seed, threads));
    return new Comparison(centroids, rows, nnQueries, kl, klFloor, MAX_CLUSTER_KL, ks, ksFloor, MAX_NN_KS,
        q(nnReal, 0.5), q(nnSyn, 0.5), q(nnReal, 0.1), q(nnSyn, 0.1), q(nnReal, 0.9), q(nnSyn, 0.9),
        kl <= MAX_CLUSTER_KL && ks <= MAX_NN_KS);
  }

  /** KL(p ‖ q) in nats. */
  static double kl(double[] p, double[] q) {
    double kl = 0;
    for (int c = 0; c < p.length; c++) {
      kl += p[c] * Math.log(p[c] / q[c]);
    }
    return kl;
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

  /**
   * For {@code count} sampled tokens: the best cosine to a sample token of another document, sorted.
   * The probes are packed once and the sample streams past them in blocks through the SIMD dot
   * kernel (a dot call per pair took minutes at 2 000 probes × 131 072 tokens); the maxima are
   * merged across threads, which gives the same result in any order.
   */
  static double[] nearestNeighbours(Sample s, int count, long seed, int threads) {
    int[] probes = new SplittableRandom(seed ^ 0x5DEECE66DL).ints(count, 0, s.rows()).toArray();
    int dim = s.dim();
    float[] probeRows = new float[count * dim];
    int[] probeDocs = new int[count];
    for (int i = 0; i < count; i++) {
      System.arraycopy(s.tokens(), probes[i] * dim, probeRows, i * dim, dim);
      probeDocs[i] = s.documents()[probes[i]];
    }
    PackedVectors packed = VectorKernels.pack(probeRows, 0, count, dim);
    int block = 64;
    int blocks = (s.rows() + block - 1) / block;
    float[][] perThread = new float[Math.max(1, threads)][];
    java.util.concurrent.atomic.AtomicInteger nextBlock = new java.util.concurrent.atomic.AtomicInteger();
    parallel(perThread.length, perThread.length, t -> {
      float[] best = new float[count];
      Arrays.fill(best, -1f);
      float[] dots = new float[block * packed.paddedRows()];
      for (int b = nextBlock.getAndIncrement(); b < blocks; b = nextBlock.getAndIncrement()) {
        int from = b * block;
        int to = Math.min(s.rows(), from + block);
        VectorKernels.dotMatrix(packed, s.tokens(), from, to, dots, 0, packed.paddedRows());
        for (int j = from; j < to; j++) {
          int row = (j - from) * packed.paddedRows();
          int doc = s.documents()[j];
          for (int i = 0; i < count; i++) {
            if (probeDocs[i] != doc && dots[row + i] > best[i]) {
              best[i] = dots[row + i];
            }
          }
        }
      }
      perThread[t] = best;
    });
    double[] out = new double[count];
    Arrays.fill(out, -1);
    for (float[] best : perThread) {
      for (int i = 0; i < count; i++) {
        out[i] = Math.max(out[i], best[i]);
      }
    }
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
