package io.latte.indexer.muvera;

/**
 * Settings of a MUVERA fixed-dimensional encoding. Once vectors are indexed with a config, queries
 * must be encoded with the same one (same seed, same numbers), so an index persists it: its
 * components are plain numbers with stable names (JSON-friendly for the index meta; see also {@link
 * MuveraField}, which records it in the field's attributes).
 *
 * <p>The encoding has {@code repetitions · 2^simhashBits · p} floats, {@code p = projectionDim}, or
 * the input dimension when {@code projectionDim = 0}; a {@code finalDim > 0} count-sketches that down
 * to {@code finalDim}.
 *
 * @param repetitions independent SimHash partitions whose encodings are concatenated, 1..{@value
 *     #MAX_REPETITIONS}; more repetitions average out partition noise
 * @param simhashBits Gaussian hyperplanes per repetition, 0..{@value #MAX_SIMHASH_BITS}; {@code
 *     2^simhashBits} buckets; more bits separate more token directions but leave more buckets empty
 * @param projectionDim inner random ±1 projection of each token before it is added to its bucket,
 *     0 (= identity, no projection) or 1..{@value #MAX_PROJECTION_DIM}
 * @param finalDim 0 for none, else the dimension of a final count-sketch of the whole encoding
 *     (must be smaller than the encoding it compresses)
 * @param seed seed of every random matrix; a different seed is a different (incompatible) encoding
 */
public record FdeConfig(int repetitions, int simhashBits, int projectionDim, int finalDim, long seed) {

  public static final int MAX_REPETITIONS = 1024;
  public static final int MAX_SIMHASH_BITS = 12;
  public static final int MAX_PROJECTION_DIM = 4096;

  /** Encodings larger than this many floats are refused (no index field could hold them). */
  public static final int MAX_DIMENSION = 1 << 20;

  /**
   * Measured defaults (see the package documentation): 64 · 2^1 · 8 = 1024 floats, Lucene's HNSW
   * maximum, with no final sketch. At a fixed 1024 floats, many repetitions of few buckets beat few
   * repetitions of many buckets on every corpus measured.
   */
  public static final int DEFAULT_REPETITIONS = 64;

  public static final int DEFAULT_SIMHASH_BITS = 1;
  public static final int DEFAULT_PROJECTION_DIM = 8;
  public static final int DEFAULT_FINAL_DIM = 0;
  public static final long DEFAULT_SEED = 42;

  public FdeConfig {
    range("repetitions", repetitions, 1, MAX_REPETITIONS);
    range("simhashBits", simhashBits, 0, MAX_SIMHASH_BITS);
    range("projectionDim", projectionDim, 0, MAX_PROJECTION_DIM);
    range("finalDim", finalDim, 0, MAX_DIMENSION);
    if (projectionDim > 0) {
      checkSizes(repetitions, simhashBits, projectionDim, finalDim);
    }
  }

  /** The measured defaults. */
  public static FdeConfig defaults() {
    return new FdeConfig(
        DEFAULT_REPETITIONS, DEFAULT_SIMHASH_BITS, DEFAULT_PROJECTION_DIM, DEFAULT_FINAL_DIM, DEFAULT_SEED);
  }

  public FdeConfig withRepetitions(int v) {
    return new FdeConfig(v, simhashBits, projectionDim, finalDim, seed);
  }

  public FdeConfig withSimhashBits(int v) {
    return new FdeConfig(repetitions, v, projectionDim, finalDim, seed);
  }

  public FdeConfig withProjectionDim(int v) {
    return new FdeConfig(repetitions, simhashBits, v, finalDim, seed);
  }

  public FdeConfig withFinalDim(int v) {
    return new FdeConfig(repetitions, simhashBits, projectionDim, v, seed);
  }

  public FdeConfig withSeed(long v) {
    return new FdeConfig(repetitions, simhashBits, projectionDim, finalDim, v);
  }

  /** Buckets per repetition, {@code 2^simhashBits}. */
  public int buckets() {
    return 1 << simhashBits;
  }

  /** Floats per bucket for tokens of {@code inputDim} floats. */
  public int bucketDim(int inputDim) {
    return projectionDim == 0 ? inputDim : projectionDim;
  }

  /** Floats before the final count-sketch: {@code repetitions · buckets · bucketDim}. */
  public int rawDimension(int inputDim) {
    checkSizes(repetitions, simhashBits, bucketDim(inputDim), finalDim);
    return repetitions * buckets() * bucketDim(inputDim);
  }

  /** Floats of the encoding of tokens of {@code inputDim} floats. */
  public int dimension(int inputDim) {
    int raw = rawDimension(inputDim);
    return finalDim == 0 ? raw : finalDim;
  }

  private static void checkSizes(int repetitions, int simhashBits, int bucketDim, int finalDim) {
    long raw = (long) repetitions * (1L << simhashBits) * bucketDim;
    if (raw > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "repetitions * 2^simhashBits * bucket dim = " + repetitions + " * " + (1L << simhashBits) + " * "
              + bucketDim + " = " + raw + " must be <= " + MAX_DIMENSION);
    }
    if (finalDim >= raw) {
      throw new IllegalArgumentException(
          "finalDim must be 0 or smaller than the encoding it compresses (" + raw + "), got " + finalDim);
    }
  }

  private static void range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
