package io.latte.searcher.xtr;

import io.latte.indexer.codebook.ResidualQuantizer;
import io.latte.indexer.codebook.ResidualScorer;

/**
 * Per query: each query token's nibble lookup tables, exact (float) and quantised to bytes for
 * {@link FastScanKernel}.
 *
 * <p><b>Quantisation</b> (as in PQ fast scan): one step {@code Δ} per query token, shared by all its
 * tables so that sums of entries stay comparable, {@code Δ = max_j(range of table j) / cap}; table
 * {@code j} stores {@code round((v - min_j) / Δ)}, so a token's residual score is approximately {@code
 * base + Δ · Σ entries} with {@code base = Σ_j min_j}. Each entry is off by at most {@code Δ/2}, so
 * {@link #errorBound} ({@code tables · Δ/2} plus float slack) bounds a token's error. {@code cap} is 127 (two
 * entries add within a byte) and at most {@code 32767 / tables} (sums fit a signed short).
 *
 * <p>The approximate scores only choose: which tokens pass the k'-th-best threshold and which token
 * of a document is its best for a query token. Reported similarities are re-scored with the exact
 * tables ({@link #exactResidual}).
 */
public final class QueryTables {
  private final int queryTokens;
  private final int bytes;
  private final int tables;
  private final float[] exact;
  private final byte[][] quantised;
  private final float[] base;
  private final float[] delta;
  private final int[] maxSum;
  private final float[] errorBound;

  private QueryTables(int queryTokens, int bytes) {
    this.queryTokens = queryTokens;
    this.bytes = bytes;
    this.tables = 2 * bytes;
    this.exact = new float[queryTokens * tables * 16];
    this.quantised = new byte[queryTokens][];
    this.base = new float[queryTokens];
    this.delta = new float[queryTokens];
    this.maxSum = new int[queryTokens];
    this.errorBound = new float[queryTokens];
  }

  /**
   * @param projected query tokens in the codebook's space, row-major {@code queryTokens × dim}
   */
  public static QueryTables build(ResidualQuantizer quantizer, float[] projected, int queryTokens) {
    int bytes = quantizer.bytesPerVector();
    QueryTables t = new QueryTables(queryTokens, bytes);
    int cap = Math.min(127, Short.MAX_VALUE / t.tables);
    if (cap < 1) {
      throw new IllegalArgumentException("fast scan supports at most " + Short.MAX_VALUE / 2
          + " code bytes per token, the index has " + bytes);
    }
    float[] min = new float[t.tables];
    float[] max = new float[t.tables];
    for (int q = 0; q < queryTokens; q++) {
      int off = q * t.tables * 16;
      ResidualScorer.nibbleTables(quantizer, projected, q * quantizer.dim(), t.exact, off);
      t.quantise(q, off, cap, min, max);
    }
    return t;
  }

  private void quantise(int q, int off, int cap, float[] min, float[] max) {
    float range = 0;
    float sumMin = 0;
    for (int j = 0; j < tables; j++) {
      int o = off + j * 16;
      float lo = exact[o];
      float hi = lo;
      for (int n = 1; n < 16; n++) {
        float v = exact[o + n];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      min[j] = lo;
      max[j] = hi;
      sumMin += lo;
      range = Math.max(range, hi - lo);
    }
    float d = range > 0 ? range / cap : 1f;
    float inv = 1f / d;
    byte[] out = new byte[tables * 16 + FastScanKernel.TABLE_PADDING];
    int most = 0;
    for (int j = 0; j < tables; j++) {
      int o = off + j * 16;
      float m = min[j];
      for (int n = 0; n < 16; n++) {
        // Round half up. The operand is in [0, cap] up to float rounding, so the cast is exact
        // and the clamp only absorbs that rounding.
        out[j * 16 + n] = (byte) Math.min(cap, (int) ((exact[o + n] - m) * inv + 0.5f));
      }
      // The same float operations on the table's largest entry: its byte is the table's largest
      // (every step is monotonic), without a reduction over the bytes.
      most += Math.min(cap, (int) ((max[j] - m) * inv + 0.5f));
    }
    // Rounding to the nearest step puts every entry within Δ/2 of its float value; the slack covers
    // the float arithmetic of the steps above and of base + Δ · sum against the exact sum.
    errorBound[q] = (float) (tables * (d / 2) * (1 + 1e-4) + 1e-6 * (Math.abs(sumMin) + d * most));
    quantised[q] = out;
    base[q] = sumMin;
    delta[q] = d;
    maxSum[q] = most;
  }

  public int queryTokens() {
    return queryTokens;
  }

  /** The byte tables of query token {@code q}, in {@link FastScanKernel}'s layout. */
  byte[] quantised(int q) {
    return quantised[q];
  }

  /** Approximate residual score of a token whose entries sum to {@code sum}. */
  public float approximate(int q, int sum) {
    return base[q] + delta[q] * sum;
  }

  /** The largest sum any token can reach for query token {@code q}. */
  public int maxSum(int q) {
    return maxSum[q];
  }

  /**
   * The largest sum whose approximate residual score is at most {@code residual}: tokens with a
   * larger sum are the only ones that can score above it. -1 when every token can; at least
   * {@link #maxSum} when none can.
   */
  public int sumThreshold(int q, float residual) {
    if (residual == Float.NEGATIVE_INFINITY) {
      return -1;
    }
    double s = Math.floor((residual - (double) base[q]) / delta[q]);
    if (s < 0) {
      return -1;
    }
    return s >= maxSum[q] ? maxSum[q] : (int) s;
  }

  /**
   * Per lane {@code i}, a threshold at most {@link #sumThreshold}{@code (q, bound · inverse[i] −
   * centroidScore)}: the kernel threshold of a token whose similarity is scaled by {@code 1 /
   * inverse[i]} (its {@link io.latte.indexer.codebook.TokenScale}), so that only tokens whose scaled
   * approximate similarity can exceed {@code bound} pass. Computed in float, one step lower than the
   * exact value (never higher: a lane may let one more sum through, never one fewer).
   */
  public void sumThresholds(int q, float bound, float centroidScore, float[] inverse, short[] out) {
    if (bound == Float.NEGATIVE_INFINITY) {
      java.util.Arrays.fill(out, (short) -1);
      return;
    }
    float b = base[q] + centroidScore;
    float perStep = 1f / delta[q];
    int max = maxSum[q];
    for (int i = 0; i < out.length; i++) {
      // (int) truncates toward zero: above zero that is the floor; below, the clamp gives -1 anyway
      int t = (int) ((bound * inverse[i] - b) * perStep) - 1;
      out[i] = (short) Math.max(-1, Math.min(max, t));
    }
  }

  /**
   * Worst-case difference between a token's approximate and exact residual score: {@code tables · Δ
   * / 2} (each entry is rounded to the nearest step) plus float slack.
   */
  public float errorBound(int q) {
    return errorBound[q];
  }

  /**
   * Exact residual score (the float tables) of the token whose byte {@code t} is at {@code codes[off
   * + t * stride]}.
   */
  public float exactResidual(int q, byte[] codes, int off, int stride) {
    return ResidualScorer.sumOfNibbleEntries(exact, q * tables * 16, bytes, codes, off, stride);
  }
}
