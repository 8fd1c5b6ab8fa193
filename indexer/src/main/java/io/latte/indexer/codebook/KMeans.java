package io.latte.indexer.codebook;

import io.latte.indexer.vector.VectorKernels;
import java.util.Arrays;
import java.util.Random;

/**
 * Spherical k-means: unit-length centroids, each vector assigned to the centroid with the largest
 * dot product, each centroid recomputed as the normalised sum of its vectors (Lloyd iterations).
 *
 * <p>Why spherical: token embeddings are compared by dot product and are (before any projection)
 * unit length, so the direction is what matters; unit centroids also make a centroid score {@code
 * q · c} comparable across centroids. This is what ColBERTv2 and PLAID do (faiss k-means, then
 * normalised centroids).
 *
 * <p>Deterministic: for a given seed the result is the same for any thread count, because the
 * random choices are made on one thread and every parallel step writes only its own slots; sums per
 * cluster are taken in vector order.
 *
 * <p>Empty clusters are repaired after each update by moving the centroid onto the vector that is
 * worst served by its own centroid (lowest similarity, taken from clusters with more than one
 * member), which splits the most spread-out regions first.
 */
public final class KMeans {

  /** How the first centroids are chosen. */
  public enum Init {
    /** k distinct vectors drawn uniformly (faiss's default): one pass, good enough for large k. */
    RANDOM_SAMPLE,
    /**
     * Greedy k-means++ with the squared distance {@code |x|² + 1 - 2 x·c}: better spread, but costs
     * k sequential steps of {@code 2 + ln k} dot products per vector (several Lloyd iterations'
     * worth for large k). Use it for small k or well-separated data.
     */
    KMEANS_PLUS_PLUS
  }

  /**
   * Training options.
   *
   * @param k number of centroids, at least 1 and at most the number of vectors
   * @param iterations Lloyd iterations, typically 10 (ColBERTv2's default is 20 on a smaller sample)
   * @param seed seed for the initial choice
   * @param threads worker threads for assignment and update
   * @param init how to choose the initial centroids
   */
  public record Options(int k, int iterations, long seed, int threads, Init init) {

    /** Default number of Lloyd iterations. */
    public static final int DEFAULT_ITERATIONS = 10;

    public Options {
      Checks.positive("k", k);
      if (iterations < 0 || iterations > 1000) {
        throw new IllegalArgumentException("iterations must be in [0, 1000], got " + iterations);
      }
      Parallel.checkThreads(threads);
      if (init == null) {
        throw new IllegalArgumentException("init must not be null");
      }
    }

    /** {@code k} centroids, 10 iterations, seed 42, one thread, random-sample init. */
    public static Options defaults(int k) {
      return new Options(k, DEFAULT_ITERATIONS, 42L, 1, Init.RANDOM_SAMPLE);
    }

    public Options withIterations(int iterations) {
      return new Options(k, iterations, seed, threads, init);
    }

    public Options withSeed(long seed) {
      return new Options(k, iterations, seed, threads, init);
    }

    public Options withThreads(int threads) {
      return new Options(k, iterations, seed, threads, init);
    }

    public Options withInit(Init init) {
      return new Options(k, iterations, seed, threads, init);
    }
  }

  /** Called after each iteration's assignment step, on the calling thread. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param iteration 1-based iteration number
     * @param inertia mean squared distance {@code |x - c|²} of the vectors to their centroids
     */
    void onIteration(int iteration, double inertia);

    Progress NONE = (iteration, inertia) -> {};
  }

  /**
   * The trained centroids and the final assignment of the training vectors to them.
   *
   * @param centroids {@code k * dim} floats, unit rows
   * @param assignments nearest centroid per training vector (w.r.t. the returned centroids)
   * @param similarities dot product with that centroid
   * @param inertia mean {@code |x - c|²} under that final assignment
   */
  public record Result(
      float[] centroids, int k, int dim, int[] assignments, float[] similarities, double inertia) {}

  private KMeans() {}

  /** Trains on {@code rows} vectors of {@code dim} floats stored row-major in {@code flat}. */
  public static Result train(float[] flat, int rows, int dim, Options options, Progress progress) {
    Checks.matrix("flat", flat, rows, dim);
    if (options.k() > rows) {
      throw new IllegalArgumentException(
          "k must be <= the number of vectors (" + rows + "), got " + options.k());
    }
    Progress listener = progress == null ? Progress.NONE : progress;
    int k = options.k();
    double meanSquaredNorm = meanSquaredNorm(flat, rows, dim);
    float[] centroids =
        switch (options.init()) {
          case RANDOM_SAMPLE -> randomSample(flat, rows, dim, k, options.seed());
          case KMEANS_PLUS_PLUS -> kmeansPlusPlus(flat, rows, dim, k, options.seed(), options.threads());
        };
    int[] assign = new int[rows];
    float[] sims = new float[rows];
    for (int it = 1; it <= options.iterations(); it++) {
      new ExactCentroidAssigner(centroids, k, dim, options.threads())
          .assign(flat, 0, rows, assign, sims, 0);
      listener.onIteration(it, inertia(meanSquaredNorm, sims, rows));
      centroids = update(flat, rows, dim, k, assign, sims, centroids, options.threads());
    }
    new ExactCentroidAssigner(centroids, k, dim, options.threads()).assign(flat, 0, rows, assign, sims, 0);
    return new Result(centroids, k, dim, assign, sims, inertia(meanSquaredNorm, sims, rows));
  }

  private static double meanSquaredNorm(float[] flat, int rows, int dim) {
    double s = 0;
    for (int i = 0; i < rows; i++) {
      s += VectorKernels.dot(flat, i * dim, flat, i * dim, dim);
    }
    return rows == 0 ? 0 : s / rows;
  }

  /** Mean |x - c|² = mean |x|² + 1 - 2 mean(x · c) for unit centroids. */
  private static double inertia(double meanSquaredNorm, float[] sims, int rows) {
    double s = 0;
    for (int i = 0; i < rows; i++) {
      s += sims[i];
    }
    return meanSquaredNorm + 1.0 - 2.0 * s / rows;
  }

  private static float[] randomSample(float[] flat, int rows, int dim, int k, long seed) {
    // Partial Fisher-Yates over the indices: k distinct vectors, order fixed by the seed.
    Random random = new Random(seed);
    int[] idx = new int[rows];
    for (int i = 0; i < rows; i++) {
      idx[i] = i;
    }
    float[] c = new float[k * dim];
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(rows - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      System.arraycopy(flat, idx[i] * dim, c, i * dim, dim);
      normalizeOrRandom(c, i * dim, dim, random);
    }
    return c;
  }

  /**
   * Greedy k-means++ (as scikit-learn): at each step draw {@code 2 + ln k} candidates with
   * probability proportional to their squared distance to the nearest chosen centroid, keep the one
   * that lowers the total squared distance most. Plain k-means++ often seeds two centroids in one
   * well-separated cluster near the end, a local minimum Lloyd iterations cannot leave.
   */
  private static float[] kmeansPlusPlus(
      float[] flat, int rows, int dim, int k, long seed, int threads) {
    Random random = new Random(seed);
    int candidates = 2 + (int) Math.log(k);
    float[] c = new float[k * dim];
    float[] norms = new float[rows];
    for (int i = 0; i < rows; i++) {
      norms[i] = VectorKernels.dot(flat, i * dim, flat, i * dim, dim);
    }
    float[] weight = new float[rows]; // squared distance to the nearest chosen centroid
    Arrays.fill(weight, Float.POSITIVE_INFINITY);
    float[] cand = new float[candidates * dim];
    float[][] candWeight = new float[candidates][rows];
    int chunk = 4096;
    int chunks = (rows + chunk - 1) / chunk;
    double[][] partial = new double[candidates][chunks];
    int first = random.nextInt(rows);
    System.arraycopy(flat, first * dim, cand, 0, dim);
    normalizeOrRandom(cand, 0, dim, random);
    int drawn = 1;
    for (int n = 0; n < k; n++) {
      final int m = drawn;
      // Squared distances if each candidate were added; per-chunk sums, added in chunk order.
      Parallel.forRanges(
          threads,
          rows,
          chunk,
          (from, to) -> {
            float[] sims = new float[to - from];
            for (int j = 0; j < m; j++) {
              VectorKernels.dotMany(cand, j * dim, flat, from * dim, to - from, dim, sims, 0);
              double sum = 0;
              float[] w = candWeight[j];
              for (int i = from; i < to; i++) {
                float d2 = Math.max(0f, norms[i] + 1f - 2f * sims[i - from]);
                w[i] = Math.min(weight[i], d2);
                sum += w[i];
              }
              partial[j][from / chunk] = sum;
            }
          });
      int best = 0;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        double potential = 0;
        for (int p = 0; p < chunks; p++) {
          potential += partial[j][p];
        }
        if (potential < bestPotential) {
          bestPotential = potential;
          best = j;
        }
      }
      System.arraycopy(cand, best * dim, c, n * dim, dim);
      System.arraycopy(candWeight[best], 0, weight, 0, rows);
      if (n + 1 == k) {
        break;
      }
      drawn = candidates;
      for (int j = 0; j < candidates; j++) {
        int pick = bestPotential <= 0 ? random.nextInt(rows) : sample(weight, bestPotential, random);
        System.arraycopy(flat, pick * dim, cand, j * dim, dim);
        normalizeOrRandom(cand, j * dim, dim, random);
      }
    }
    return c;
  }

  /** Index drawn with probability weight[i] / total. */
  private static int sample(float[] weight, double total, Random random) {
    double target = random.nextDouble() * total;
    double run = 0;
    for (int i = 0; i < weight.length; i++) {
      run += weight[i];
      if (run > target) {
        return i;
      }
    }
    return weight.length - 1;
  }

  /** New centroids from an assignment; empty clusters repaired. */
  private static float[] update(
      float[] flat, int rows, int dim, int k, int[] assign, float[] sims, float[] old, int threads) {
    // Counting sort of vector ids by cluster, ids ascending inside a cluster.
    int[] start = new int[k + 1];
    for (int i = 0; i < rows; i++) {
      start[assign[i] + 1]++;
    }
    for (int c = 0; c < k; c++) {
      start[c + 1] += start[c];
    }
    int[] members = new int[rows];
    int[] fill = Arrays.copyOf(start, k);
    for (int i = 0; i < rows; i++) {
      members[fill[assign[i]]++] = i;
    }
    float[] next = new float[k * dim];
    Parallel.forRanges(
        threads,
        k,
        64,
        (from, to) -> {
          double[] sum = new double[dim];
          for (int c = from; c < to; c++) {
            Arrays.fill(sum, 0);
            for (int m = start[c]; m < start[c + 1]; m++) {
              int base = members[m] * dim;
              for (int d = 0; d < dim; d++) {
                sum[d] += flat[base + d];
              }
            }
            double norm = 0;
            for (int d = 0; d < dim; d++) {
              norm += sum[d] * sum[d];
            }
            if (start[c + 1] == start[c] || norm == 0) {
              // Empty (repaired below) or degenerate: keep the old centroid for now.
              System.arraycopy(old, c * dim, next, c * dim, dim);
            } else {
              double inv = 1.0 / Math.sqrt(norm);
              for (int d = 0; d < dim; d++) {
                next[c * dim + d] = (float) (sum[d] * inv);
              }
            }
          }
        });
    repairEmpty(flat, rows, dim, k, assign, sims, start, next);
    return next;
  }

  private static void repairEmpty(
      float[] flat, int rows, int dim, int k, int[] assign, float[] sims, int[] start, float[] c) {
    int empty = 0;
    for (int j = 0; j < k; j++) {
      if (start[j + 1] == start[j]) {
        empty++;
      }
    }
    if (empty == 0) {
      return;
    }
    // Vectors by increasing similarity to their centroid (ties by index): the worst served first.
    Integer[] order = new Integer[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> sims[a] != sims[b] ? Float.compare(sims[a], sims[b]) : a - b);
    int[] size = new int[k];
    for (int j = 0; j < k; j++) {
      size[j] = start[j + 1] - start[j];
    }
    int cursor = 0;
    Random fallback = new Random(k);
    for (int j = 0; j < k; j++) {
      if (size[j] != 0) {
        continue;
      }
      while (cursor < rows && size[assign[order[cursor]]] <= 1) {
        cursor++;
      }
      if (cursor == rows) {
        break; // fewer distinct vectors than k: leave the remaining centroids where they are
      }
      int v = order[cursor++];
      size[assign[v]]--;
      size[j] = 1;
      System.arraycopy(flat, v * dim, c, j * dim, dim);
      normalizeOrRandom(c, j * dim, dim, fallback);
    }
  }

  /** Normalises a row in place; a zero row becomes a random unit vector. */
  static void normalizeOrRandom(float[] a, int off, int dim, Random random) {
    double n = 0;
    for (int d = 0; d < dim; d++) {
      n += (double) a[off + d] * a[off + d];
    }
    if (n == 0) {
      for (int d = 0; d < dim; d++) {
        a[off + d] = (float) random.nextGaussian();
        n += (double) a[off + d] * a[off + d];
      }
    }
    double inv = 1.0 / Math.sqrt(n);
    for (int d = 0; d < dim; d++) {
      a[off + d] = (float) (a[off + d] * inv);
    }
  }
}
