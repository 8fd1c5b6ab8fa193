package io.latte.indexer.codebook;

import java.util.Arrays;
import java.util.Objects;

/**
 * Quantises a residual ({@code v - centroid}) to {@code b ∈ {1, 2, 4}} bits per dimension, as in
 * ColBERTv2: each dimension's value falls into one of {@code 2^b} buckets delimited by {@code 2^b - 1}
 * cut-offs, and decodes to that bucket's reconstruction weight.
 *
 * <p><b>Learned per dimension.</b> Cut-offs are the {@code j / 2^b} quantiles of the training
 * residuals of <em>that dimension</em> (equal-population buckets, so every code is used equally),
 * and a bucket's weight is the mean of the training values that fall into it (the value that
 * minimises squared error for those cut-offs). ColBERTv2 instead pools all dimensions into one set
 * of quantiles; BERT-style hidden states have a few outlier dimensions with a much wider spread, and
 * pooled buckets waste codes on the narrow dimensions and clip the wide ones. Measured on a skewed
 * random distribution (128 dimensions, Gaussian; 4 outlier dimensions with 10× the spread and an
 * offset, the others with 1–2× variation; {@code ResidualQuantizerTest#perDimensionBeatsPooled}),
 * per-dimension buckets give 0.44× the mean squared error of pooled ones at 1 bit, 0.21× at 2 bits
 * and 0.05× at 4 bits, so per-dimension is what we use; {@link Mode#POOLED} is kept only for that
 * comparison. The cost is {@code dim * 2^b} weights instead of {@code 2^b}: nothing next to the
 * centroids.
 *
 * <p><b>Packing.</b> Dimension {@code d} goes to byte {@code d / (8 / b)}, most significant bits
 * first (dimension 0 of a byte in its top {@code b} bits), as numpy's {@code packbits} and ColBERT
 * do. A vector takes {@code dim * b / 8} bytes; {@code dim} must be a multiple of {@code 8 / b}.
 *
 * <p><b>Error bound.</b> For a value inside the training range of its dimension, the error is at
 * most {@link #errorBound(int)}: the largest distance from any bucket's weight to the ends of that
 * bucket's interval (clipped to the training min/max). Values outside the range land in an end
 * bucket and may exceed it.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResidualQuantizer {

  /** How cut-offs and weights are learned. */
  public enum Mode {
    /** One set of buckets per dimension (the default and the only one worth using). */
    PER_DIMENSION,
    /** One set of buckets shared by all dimensions (ColBERTv2); for comparison. */
    POOLED
  }

  /** At most this many training rows are used (evenly spaced); quantiles need no more. */
  public static final int MAX_TRAINING_ROWS = 1 << 16;

  /** At most this many values are pooled in {@link Mode#POOLED}. */
  static final int MAX_POOLED_VALUES = 1 << 21;

  private final int bits;
  private final int dim;
  private final int levels;
  private final Mode mode;
  /** {@code dim * (levels - 1)}, ascending per dimension. */
  private final float[] cutoffs;
  /** {@code dim * levels}. */
  private final float[] weights;
  private final float[] min;
  private final float[] max;
  private final float[] errorBound;
  /**
   * Decoding table: for code byte {@code t} and byte value {@code b}, the {@code 8 / bits} weights it
   * stands for at {@code [(t * 256 + b) * (8 / bits)]} ({@code dim × 256} floats, 384 KiB at 384-d).
   * Decoding a token is then one table row copy per byte instead of a shift, mask and lookup per
   * dimension: exhaustive MaxSim decodes every token of the index per query.
   */
  private final float[] byteTable;

  ResidualQuantizer(
      int bits, int dim, Mode mode, float[] cutoffs, float[] weights, float[] min, float[] max) {
    checkBitsAndDim(bits, dim);
    this.bits = bits;
    this.dim = dim;
    this.levels = 1 << bits;
    this.mode = Objects.requireNonNull(mode, "mode");
    this.cutoffs = checkLength("cutoffs", cutoffs, dim * (levels - 1));
    this.weights = checkLength("weights", weights, dim * levels);
    this.min = checkLength("min", min, dim);
    this.max = checkLength("max", max, dim);
    this.errorBound = computeBounds();
    this.byteTable = buildByteTable();
  }

  private float[] buildByteTable() {
    int per = 8 / bits;
    int mask = levels - 1;
    int bytes = dim / per;
    float[] table = new float[bytes * 256 * per];
    for (int t = 0; t < bytes; t++) {
      for (int b = 0; b < 256; b++) {
        int base = (t * 256 + b) * per;
        for (int s = per - 1, j = 0; s >= 0; s--, j++) {
          int d = t * per + j;
          table[base + j] = weights[d * levels + ((b >>> (s * bits)) & mask)];
        }
      }
    }
    return table;
  }

  /** Checks {@code bits ∈ {1, 2, 4}} and that {@code dim} is a positive multiple of {@code 8 / bits}. */
  static void checkBitsAndDim(int bits, int dim) {
    if (bits != 1 && bits != 2 && bits != 4) {
      throw new IllegalArgumentException("bits must be 1, 2 or 4, got " + bits);
    }
    int per = 8 / bits;
    if (dim < 1 || dim % per != 0) {
      throw new IllegalArgumentException(
          "dim must be a positive multiple of 8 / bits = " + per + " (bits=" + bits + "), got " + dim);
    }
  }

  private static float[] checkLength(String name, float[] a, int n) {
    Objects.requireNonNull(a, name);
    if (a.length != n) {
      throw new IllegalArgumentException(name + ".length must be " + n + ", got " + a.length);
    }
    return a;
  }

  /**
   * Learns buckets from {@code rows} residual vectors stored row-major in {@code residuals}.
   *
   * @param bits 1, 2 or 4
   */
  public static ResidualQuantizer train(
      float[] residuals, int rows, int dim, int bits, Mode mode) {
    checkBitsAndDim(bits, dim);
    Checks.matrix("residuals", residuals, rows, dim);
    Checks.positive("rows", rows);
    Objects.requireNonNull(mode, "mode");
    int levels = 1 << bits;
    int n = Math.min(rows, MAX_TRAINING_ROWS);
    int[] sampleRows = new int[n];
    for (int i = 0; i < n; i++) {
      sampleRows[i] = (int) ((long) i * rows / n);
    }
    float[] cutoffs = new float[dim * (levels - 1)];
    float[] weights = new float[dim * levels];
    float[] min = new float[dim];
    float[] max = new float[dim];
    float[] column = new float[n];
    for (int d = 0; d < dim; d++) {
      for (int i = 0; i < n; i++) {
        column[i] = residuals[sampleRows[i] * dim + d];
      }
      Arrays.sort(column);
      min[d] = column[0];
      max[d] = column[n - 1];
      if (mode == Mode.PER_DIMENSION) {
        learnBuckets(column, n, levels, cutoffs, d * (levels - 1), weights, d * levels);
      }
    }
    if (mode == Mode.POOLED) {
      long total = (long) n * dim;
      int m = (int) Math.min(total, MAX_POOLED_VALUES);
      float[] pooled = new float[m];
      for (int i = 0; i < m; i++) {
        long flat = i * total / m;
        pooled[i] = residuals[sampleRows[(int) (flat / dim)] * dim + (int) (flat % dim)];
      }
      Arrays.sort(pooled);
      learnBuckets(pooled, m, levels, cutoffs, 0, weights, 0);
      for (int d = 1; d < dim; d++) {
        System.arraycopy(cutoffs, 0, cutoffs, d * (levels - 1), levels - 1);
        System.arraycopy(weights, 0, weights, d * levels, levels);
      }
    }
    return new ResidualQuantizer(bits, dim, mode, cutoffs, weights, min, max);
  }

  /** Equal-population cut-offs and per-bucket means from sorted values. */
  private static void learnBuckets(
      float[] sorted, int n, int levels, float[] cut, int cutOff, float[] w, int wOff) {
    for (int j = 1; j < levels; j++) {
      cut[cutOff + j - 1] = sorted[(int) ((long) j * n / levels)];
    }
    // A value equal to a cut-off belongs to the lower bucket (x > cut moves up), as in encode().
    int i = 0;
    for (int b = 0; b < levels; b++) {
      double sum = 0;
      int count = 0;
      while (i < n && (b == levels - 1 || sorted[i] <= cut[cutOff + b])) {
        sum += sorted[i++];
        count++;
      }
      float lo = b == 0 ? sorted[0] : cut[cutOff + b - 1];
      float hi = b == levels - 1 ? sorted[n - 1] : cut[cutOff + b];
      w[wOff + b] = count > 0 ? (float) (sum / count) : (lo + hi) / 2f;
    }
  }

  private float[] computeBounds() {
    float[] bound = new float[dim];
    for (int d = 0; d < dim; d++) {
      float worst = 0f;
      for (int b = 0; b < levels; b++) {
        float lo = b == 0 ? min[d] : Math.max(min[d], cutoffs[d * (levels - 1) + b - 1]);
        float hi = b == levels - 1 ? max[d] : Math.min(max[d], cutoffs[d * (levels - 1) + b]);
        if (lo > hi) {
          continue; // this dimension never reaches the bucket
        }
        float w = weights[d * levels + b];
        worst = Math.max(worst, Math.max(Math.abs(w - lo), Math.abs(hi - w)));
      }
      bound[d] = worst;
    }
    return bound;
  }

  /** Bits per dimension. */
  public int bits() {
    return bits;
  }

  /** Dimensions per vector. */
  public int dim() {
    return dim;
  }

  /** How the buckets were learned. */
  public Mode mode() {
    return mode;
  }

  /** Bytes per encoded vector: {@code dim * bits / 8}. */
  public int bytesPerVector() {
    return dim * bits / 8;
  }

  /** Largest decode error of dimension {@code d} for values inside its training range. */
  public float errorBound(int d) {
    return errorBound[d];
  }

  /** Reconstruction weight of bucket {@code code} in dimension {@code d}. */
  public float weight(int d, int code) {
    return weights[d * levels + code];
  }

  /** Encodes {@code dim} floats into a new array of {@link #bytesPerVector()} bytes. */
  public byte[] encode(float[] residual) {
    if (residual.length != dim) {
      throw new IllegalArgumentException("residual.length must be dim=" + dim + ", got " + residual.length);
    }
    byte[] out = new byte[bytesPerVector()];
    encode(residual, 0, out, 0);
    return out;
  }

  /** Encodes {@code residual[off, off + dim)} into {@code out[outOff, outOff + bytesPerVector())}. */
  public void encode(float[] residual, int off, byte[] out, int outOff) {
    int per = 8 / bits;
    int cutStride = levels - 1;
    for (int t = 0, d = 0; t < dim / per; t++) {
      int packed = 0;
      for (int s = 0; s < per; s++, d++) {
        float x = residual[off + d];
        int code = 0;
        int base = d * cutStride;
        for (int j = 0; j < cutStride; j++) {
          code += x > cutoffs[base + j] ? 1 : 0;
        }
        packed = (packed << bits) | code;
      }
      out[outOff + t] = (byte) packed;
    }
  }

  /** Decodes into a new array of {@code dim} floats. */
  public float[] decode(byte[] codes) {
    if (codes.length != bytesPerVector()) {
      throw new IllegalArgumentException(
          "codes.length must be " + bytesPerVector() + ", got " + codes.length);
    }
    float[] out = new float[dim];
    decode(codes, 0, out, 0);
    return out;
  }

  /** Decodes {@link #bytesPerVector()} bytes of {@code codes} into the first {@code dim} of {@code out}. */
  public void decode(byte[] codes, float[] out) {
    if (codes.length < bytesPerVector() || out.length < dim) {
      throw new IllegalArgumentException(
          "codes.length must be >= " + bytesPerVector() + " and out.length >= " + dim + ", got "
              + codes.length + " and " + out.length);
    }
    decode(codes, 0, out, 0);
  }

  /** Decodes {@code codes[off..]} into {@code out[outOff, outOff + dim)}. */
  public void decode(byte[] codes, int off, float[] out, int outOff) {
    int per = 8 / bits;
    int bytes = dim / per;
    // A plain loop, not System.arraycopy: for 2-8 floats per byte the call's set-up cost more than the
    // copy (decoding was 40 % of colbert re-scoring in a profile).
    for (int t = 0, o = outOff; t < bytes; t++, o += per) {
      int from = ((t << 8) | (codes[off + t] & 0xFF)) * per;
      for (int i = 0; i < per; i++) {
        out[o + i] = byteTable[from + i];
      }
    }
  }

  // Raw arrays for the format and the scorer; never modified.
  float[] cutoffs() {
    return cutoffs;
  }

  float[] weights() {
    return weights;
  }

  float[] min() {
    return min;
  }

  float[] max() {
    return max;
  }
}
