package io.latte.indexer.codebook;

/**
 * The one-byte per-token scale of a codebook that {@linkplain Codebook#storesScale() stores scales}:
 * a token decodes to {@code scale · (centroid + decoded residual)}, the scale chosen at encoding time
 * from the token's own vector and stored after its residual codes.
 *
 * <p><b>Which scale.</b> {@code |x| / |d|} for the token vector {@code x} and its unscaled decoding
 * {@code d}: the decoded vector gets the token's own length back (unit length for every embedded and
 * ColBERT/XTR encoder). Every bucket decodes to the mean of its values, which shrinks the residual by
 * an amount that varies from token to token; those length errors move all similarities of a token
 * together, and MaxSim, a maximum over a document's tokens, turns them into a per-document bias
 * (BENCHMARKS §16). The least-squares factor {@code (x·d)/|d|²} was measured too and lost on
 * xquad-r-ru (0.3716 against 0.3808 nDCG@10, float 0.3815; Cranfield 0.4022 against 0.4007, within
 * noise, §20): it also shrinks the tokens the codes reconstruct worst, which are the distinctive ones.
 *
 * <p><b>The byte.</b> Log-uniform over {@code [1/MAX, MAX]} in 256 steps: a relative step of 0.175 %, so
 * a stored scale is within 0.09 % of the computed one. Decoded lengths seen on the shared collections
 * (2 bits) lie within 0.85..1.07 (factors 0.94..1.18); a factor outside the range is clamped (only a
 * degenerate token).
 *
 * <p>Immutable and thread-safe: the byte → factor table is built once.
 */
public final class TokenScale {
  /** The largest factor a byte holds; {@code 1/MAX} is the smallest. Part of the format. */
  public static final float MAX = 1.25f;

  private static final double LOG_MAX = Math.log(MAX);
  private static final double STEP = 2 * LOG_MAX / 255;
  private static final float[] FACTORS = new float[256];
  private static final float[] INVERSES = new float[256];

  static {
    for (int b = 0; b < 256; b++) {
      FACTORS[b] = (float) Math.exp(-LOG_MAX + b * STEP);
      INVERSES[b] = 1f / FACTORS[b];
    }
  }

  private TokenScale() {}

  /** The factor byte {@code b} stands for. */
  public static float factor(byte b) {
    return FACTORS[b & 0xFF];
  }

  /** {@code 1 / factor(b)}. */
  public static float inverse(byte b) {
    return INVERSES[b & 0xFF];
  }

  /** The byte whose factor is nearest to {@code s} in ratio (clamped; NaN or ≤ 0 gives the largest). */
  public static byte encode(double s) {
    if (!(s > 0)) {
      return (byte) 255;
    }
    long b = Math.round((Math.log(s) + LOG_MAX) / STEP);
    return (byte) Math.max(0, Math.min(255, b));
  }

  /** {@code |x| / |d|} for vector {@code x} and decoding {@code d} (both {@code dim} floats from their offsets). */
  static double lengthRatio(float[] x, int xOff, float[] d, int dOff, int dim) {
    double xx = 0;
    double dd = 0;
    for (int i = 0; i < dim; i++) {
      xx += (double) x[xOff + i] * x[xOff + i];
      dd += (double) d[dOff + i] * d[dOff + i];
    }
    return dd > 0 ? Math.sqrt(xx / dd) : MAX;
  }
}
