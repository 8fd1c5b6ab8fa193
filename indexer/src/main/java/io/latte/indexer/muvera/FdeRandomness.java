package io.latte.indexer.muvera;

import java.util.Random;

/**
 * The random matrices of an encoding, derived from {@link FdeConfig#seed()} alone.
 *
 * <p>Index and queries are encoded by different processes, possibly on different JDKs, and must use
 * bit-identical matrices. So every stream is a {@link java.util.Random}, whose LCG and Gaussian
 * (polar method) are specified by its Javadoc and have not changed since JDK 1.0, seeded by a
 * SplitMix64 mix of (seed, repetition, purpose) written out here — not a {@code
 * RandomGenerator} whose algorithm a JDK may choose.
 */
final class FdeRandomness {
  private static final long SIMHASH = 1;
  private static final long PROJECTION = 2;
  private static final long FINAL_SKETCH = 3;

  private FdeRandomness() {}

  /** Row {@code j} = hyperplane {@code j} of repetition {@code rep}: {@code bits × dim}, N(0, 1). */
  static float[] simhash(long seed, int rep, int bits, int dim) {
    Random r = new Random(mix(seed, rep, SIMHASH));
    float[] m = new float[bits * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) r.nextGaussian();
    }
    return m;
  }

  /**
   * The paper's inner projection {@code ψ(x) = S x / √p} with {@code S} uniform in {±1}: {@code p ×
   * dim}, row-major. Inner products are preserved in expectation: {@code E[ψ(x)·ψ(y)] = x·y}.
   */
  static float[] projection(long seed, int rep, int p, int dim) {
    Random r = new Random(mix(seed, rep, PROJECTION));
    float scale = (float) (1 / Math.sqrt(p));
    float[] m = new float[p * dim];
    for (int i = 0; i < m.length; i++) {
      m[i] = r.nextBoolean() ? scale : -scale;
    }
    return m;
  }

  /**
   * Count-sketch of {@code raw} coordinates into {@code out}: coordinate {@code i} is added with sign
   * {@code signs[i]} to {@code buckets[i]}; unbiased for inner products, one pass to apply.
   */
  record Sketch(int[] buckets, float[] signs) {}

  static Sketch finalSketch(long seed, int raw, int out) {
    Random r = new Random(mix(seed, 0, FINAL_SKETCH));
    int[] b = new int[raw];
    float[] s = new float[raw];
    for (int i = 0; i < raw; i++) {
      b[i] = r.nextInt(out);
      s[i] = r.nextBoolean() ? 1f : -1f;
    }
    return new Sketch(b, s);
  }

  /** SplitMix64 finaliser over the three inputs: distinct, well-spread seeds per stream. */
  static long mix(long seed, long rep, long purpose) {
    long z = seed + 0x9E3779B97F4A7C15L * (1 + rep * 4 + purpose);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
