package io.latte.indexer.codebook;

/**
 * Trains a {@link Codebook} from a sample of token vectors: optional PCA {@link Projection}, then
 * spherical {@link KMeans} on the (projected) sample less a held-out tail, then a per-dimension
 * {@link ResidualQuantizer} on the residuals of (at most {@link ResidualQuantizer#MAX_TRAINING_ROWS}
 * evenly spaced) held-out vectors to their nearest centroids, then the error on those residuals
 * (an estimate of the error on unseen tokens). With {@link Options#tokenScale()} (the default), the
 * codebook stores a scale byte per token ({@link Codebook#storesScale()}).
 */
public final class CodebookTrainer {

  /**
   * The constant c of the automatic centroid count {@code 2^floor(log2(c · √tokens))}. ColBERTv2 /
   * PLAID use c = 16 (SciFact, ≈1.4 M tokens → 16 384 centroids); we use c = 4 (→ 4 096): on SciFact
   * with bge-small-en-v15-q at 2 bits, 4 096 centroids already lose only ≈0.002 nDCG@10 against float
   * MaxSim (docs/BENCHMARKS.md), while k-means on the 2^18-token sample, the assignment of every
   * token at index time and the per-query centroid scoring all cost 4× less than with 16 384.
   */
  public static final int AUTO_CENTROIDS_FACTOR = 4;

  /**
   * The automatic count never leaves fewer than this many sample vectors per centroid: with fewer,
   * centroids fit the sample's noise and the error on unseen tokens grows far above the training error.
   */
  public static final int MIN_SAMPLE_PER_CENTROID = 32;

  /**
   * One sample row in this many is held out of k-means to fit the residual quantiser (ColBERTv2
   * holds out 5 % for the same purpose): residuals of the rows k-means trained on are smaller than
   * those of unseen tokens (each centroid partly fits its own members), so bucket cut-offs and
   * weights learned from them are too narrow for the tokens the index will actually hold.
   */
  public static final int HELDOUT_DENOMINATOR = 16;

  /** Fewer held-out rows than this and the quantiser is fitted on training residuals instead. */
  public static final int MIN_HELDOUT_ROWS = 1024;

  /**
   * Training options.
   *
   * @param numCentroids centroids, or 0 for {@link #autoNumCentroids}
   * @param totalTokens tokens in the whole collection, for the automatic rule (0 = use the sample
   *     size)
   * @param bits residual bits per dimension: 1, 2 (default) or 4
   * @param projectionDim dimensions after PCA, or 0 for no projection; with {@code bits}, must be a
   *     multiple of {@code 8 / bits}
   * @param seed seed for k-means
   * @param threads worker threads
   * @param iterations k-means Lloyd iterations (default 10)
   * @param tokenScale store a scale byte per token ({@link Codebook#storesScale()}; default on)
   */
  public record Options(
      int numCentroids, long totalTokens, int bits, int projectionDim, long seed, int threads,
      int iterations, boolean tokenScale) {

    public Options {
      if (numCentroids < 0) {
        throw new IllegalArgumentException("numCentroids must be >= 0 (0 = auto), got " + numCentroids);
      }
      if (totalTokens < 0) {
        throw new IllegalArgumentException("totalTokens must be >= 0, got " + totalTokens);
      }
      if (bits != 1 && bits != 2 && bits != 4) {
        throw new IllegalArgumentException("bits must be 1, 2 or 4, got " + bits);
      }
      if (projectionDim < 0) {
        throw new IllegalArgumentException("projectionDim must be >= 0 (0 = none), got " + projectionDim);
      }
      Parallel.checkThreads(threads);
      if (iterations < 0 || iterations > 1000) {
        throw new IllegalArgumentException("iterations must be in [0, 1000], got " + iterations);
      }
    }

    /** Auto centroids, 2 bits, no projection, seed 42, one thread, 10 iterations, token scales. */
    public static Options defaults() {
      return new Options(0, 0, 2, 0, 42L, 1, KMeans.Options.DEFAULT_ITERATIONS, true);
    }

    public Options withNumCentroids(int n) {
      return new Options(n, totalTokens, bits, projectionDim, seed, threads, iterations, tokenScale);
    }

    public Options withTotalTokens(long n) {
      return new Options(numCentroids, n, bits, projectionDim, seed, threads, iterations, tokenScale);
    }

    public Options withBits(int b) {
      return new Options(numCentroids, totalTokens, b, projectionDim, seed, threads, iterations, tokenScale);
    }

    public Options withProjectionDim(int d) {
      return new Options(numCentroids, totalTokens, bits, d, seed, threads, iterations, tokenScale);
    }

    public Options withSeed(long s) {
      return new Options(numCentroids, totalTokens, bits, projectionDim, s, threads, iterations, tokenScale);
    }

    public Options withThreads(int t) {
      return new Options(numCentroids, totalTokens, bits, projectionDim, seed, t, iterations, tokenScale);
    }

    public Options withTokenScale(boolean u) {
      return new Options(numCentroids, totalTokens, bits, projectionDim, seed, threads, iterations, u);
    }

    public Options withIterations(int i) {
      return new Options(numCentroids, totalTokens, bits, projectionDim, seed, threads, i, tokenScale);
    }
  }

  private CodebookTrainer() {}

  /**
   * {@code 2^floor(log2(4 · √totalTokens))}, lowered until every centroid has at least {@link
   * #MIN_SAMPLE_PER_CENTROID} sample vectors, and at least 1.
   */
  public static int autoNumCentroids(long totalTokens, int sampleRows) {
    double target = AUTO_CENTROIDS_FACTOR * Math.sqrt(Math.max(1, totalTokens));
    int k = Integer.highestOneBit((int) Math.min(1 << 30, Math.max(1, target)));
    while (k > 1 && (long) k * MIN_SAMPLE_PER_CENTROID > sampleRows) {
      k >>= 1;
    }
    return k;
  }

  /**
   * Trains on {@code rows} sample vectors of {@code inputDim} floats (row-major).
   *
   * @param progress k-means progress, may be null
   */
  public static Codebook train(
      float[] sample, int rows, int inputDim, Options options, KMeans.Progress progress) {
    Checks.matrix("sample", sample, rows, inputDim);
    Checks.positive("rows", rows);
    if (options.projectionDim() > inputDim) {
      throw new IllegalArgumentException(
          "projectionDim must be <= inputDim=" + inputDim + ", got " + options.projectionDim());
    }
    boolean project = options.projectionDim() > 0 && options.projectionDim() < inputDim;
    int dim = project ? options.projectionDim() : inputDim;
    ResidualQuantizer.checkBitsAndDim(options.bits(), dim);
    checkFinite(sample, rows, inputDim);

    Projection projection =
        project ? Projection.learn(sample, rows, inputDim, dim, options.threads()) : null;
    float[] x = project ? projection.applyAll(sample, rows) : sample;

    int k = options.numCentroids() > 0
        ? options.numCentroids()
        : autoNumCentroids(options.totalTokens() > 0 ? options.totalTokens() : rows, rows);
    int held = heldOutRows(rows, k);
    int trainRows = rows - held;
    KMeans.Result km =
        KMeans.train(
            x, trainRows, dim,
            new KMeans.Options(
                k, options.iterations(), options.seed(), options.threads(), KMeans.Init.RANDOM_SAMPLE),
            progress);
    float[] c = km.centroids();
    float[] residuals = held > 0
        ? heldOutResiduals(x, trainRows, held, dim, c, k, options.threads())
        : trainingResiduals(x, trainRows, dim, c, km.assignments());
    int n = residuals.length / dim;
    ResidualQuantizer q =
        ResidualQuantizer.train(residuals, n, dim, options.bits(), ResidualQuantizer.Mode.PER_DIMENSION);
    float trainingError = (float) QuantizationError.residualError(q, residuals, n);
    return new Codebook(
        inputDim, projection, c, k, q, trainingError, options.tokenScale());
  }

  /**
   * Rows kept out of k-means to fit the residual quantiser: the last {@code 1/}{@value
   * #HELDOUT_DENOMINATOR} of the sample, when that leaves at least {@value #MIN_HELDOUT_ROWS} rows
   * and k-means still has one row per centroid; else 0 (small samples, e.g. in tests).
   */
  static int heldOutRows(int rows, int k) {
    int held = rows / HELDOUT_DENOMINATOR;
    return held >= MIN_HELDOUT_ROWS && rows - held >= k ? held : 0;
  }

  /** Residuals of held-out rows to their nearest centroid (exact, as the indexer assigns). */
  private static float[] heldOutResiduals(
      float[] x, int from, int held, int dim, float[] c, int k, int threads) {
    int[] ids = new int[held];
    new ExactCentroidAssigner(c, k, dim, threads).assign(x, from * dim, held, ids, new float[held], 0);
    return residuals(x, from, held, dim, c, ids);
  }

  /** Residuals of (evenly spaced) k-means training rows to their own centroids. */
  private static float[] trainingResiduals(float[] x, int rows, int dim, float[] c, int[] assignments) {
    return residuals(x, 0, rows, dim, c, assignments);
  }

  /**
   * Residuals {@code x[from + j] − c[ids[j]]} of at most {@link ResidualQuantizer#MAX_TRAINING_ROWS}
   * rows {@code j} evenly spaced in {@code [0, rows)}.
   */
  private static float[] residuals(float[] x, int from, int rows, int dim, float[] c, int[] ids) {
    int n = Math.min(rows, ResidualQuantizer.MAX_TRAINING_ROWS);
    float[] residuals = new float[n * dim];
    for (int i = 0; i < n; i++) {
      int j = (int) ((long) i * rows / n);
      int xo = (from + j) * dim;
      int co = ids[j] * dim;
      for (int d = 0; d < dim; d++) {
        residuals[i * dim + d] = x[xo + d] - c[co + d];
      }
    }
    return residuals;
  }

  private static void checkFinite(float[] sample, int rows, int dim) {
    for (int i = 0; i < rows * dim; i++) {
      if (!Float.isFinite(sample[i])) {
        throw new IllegalArgumentException(
            "sample must be finite: row " + (i / dim) + ", dimension " + (i % dim) + " is " + sample[i]);
      }
    }
  }
}
