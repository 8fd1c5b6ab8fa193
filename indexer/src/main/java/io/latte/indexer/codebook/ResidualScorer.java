package io.latte.indexer.codebook;

import java.util.Objects;

/**
 * Scores compressed residuals against one query token without decompressing them (WARP-style): for
 * a query {@code q}, {@code q · decode(codes) = Σ_t LUT_t[codes[t]]}, where {@code LUT_t} is a
 * 256-entry table for code byte {@code t} holding {@code Σ q_d · weight_d(code_d)} over the {@code
 * 8 / b} dimensions packed in that byte. Scoring a token is then {@code dim * b / 8} table lookups
 * and adds (96 for 384 dimensions at 2 bits), instead of unpacking and {@code dim} multiply-adds.
 * The full token score is {@code q · centroid + score(codes)}; the centroid part is one dot product
 * per (query token, centroid) and is shared by every token of that centroid.
 *
 * <p>Tables are built in {@code O(bytes * (2 * 16 * 4/b + 256))}: each byte's table is the sum of a
 * 16-entry table for its high nibble and one for its low nibble. Table memory is {@code dim * b / 8
 * * 1 KiB} (96 KiB for 384 dimensions at 2 bits; L2-resident).
 *
 * <p>Not thread-safe (one per thread, reused across query tokens via {@link #setQuery}).
 */
public final class ResidualScorer {

  private final ResidualQuantizer quantizer;
  private final int bytes;
  private final float[] lut;
  private final float[] hi = new float[16];
  private final float[] lo = new float[16];

  /** An empty scorer for {@code quantizer}; call {@link #setQuery} before scoring. */
  public ResidualScorer(ResidualQuantizer quantizer) {
    this.quantizer = Objects.requireNonNull(quantizer, "quantizer");
    this.bytes = quantizer.bytesPerVector();
    this.lut = new float[bytes * 256];
  }

  /** Builds the tables for query token {@code q[off, off + dim)} (in the codebook's space). */
  public void setQuery(float[] q, int off) {
    int dim = quantizer.dim();
    Checks.range("q", q, off, 1, dim);
    int b = quantizer.bits();
    int levels = 1 << b;
    int mask = levels - 1;
    int perNibble = 4 / b;
    float[] w = quantizer.weights();
    for (int t = 0; t < bytes; t++) {
      int d0 = t * 2 * perNibble;
      nibbleTable(q, off, w, d0, perNibble, b, levels, mask, hi);
      nibbleTable(q, off, w, d0 + perNibble, perNibble, b, levels, mask, lo);
      int base = t << 8;
      for (int h = 0; h < 16; h++) {
        float hv = hi[h];
        int row = base | (h << 4);
        for (int l = 0; l < 16; l++) {
          lut[row | l] = hv + lo[l];
        }
      }
    }
  }

  /** {@code table[n] = Σ_s q[d0 + s] · w(d0 + s, code s of nibble n)}, top bits first. */
  private static void nibbleTable(
      float[] q, int off, float[] w, int d0, int count, int b, int levels, int mask, float[] table) {
    for (int n = 0; n < 16; n++) {
      float s = 0f;
      for (int i = 0; i < count; i++) {
        int code = (n >>> (4 - b * (i + 1))) & mask;
        int d = d0 + i;
        s += q[off + d] * w[d * levels + code];
      }
      table[n] = s;
    }
  }

  /** {@code q · decode(codes[offset, offset + bytesPerVector))} for the current query. */
  public float score(byte[] codes, int offset) {
    // Four partial sums break the add dependency chain.
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int t = 0;
    for (; t + 4 <= bytes; t += 4) {
      s0 += lut[(t << 8) | (codes[offset + t] & 0xFF)];
      s1 += lut[((t + 1) << 8) | (codes[offset + t + 1] & 0xFF)];
      s2 += lut[((t + 2) << 8) | (codes[offset + t + 2] & 0xFF)];
      s3 += lut[((t + 3) << 8) | (codes[offset + t + 3] & 0xFF)];
    }
    for (; t < bytes; t++) {
      s0 += lut[(t << 8) | (codes[offset + t] & 0xFF)];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Scores {@code count} tokens stored back to back ({@code bytesPerVector} bytes each) from {@code
   * codes[offset]} into {@code out[outOff, outOff + count)}.
   */
  public void scoreMany(byte[] codes, int offset, int count, float[] out, int outOff) {
    for (int i = 0; i < count; i++) {
      out[outOff + i] = score(codes, offset + i * bytes);
    }
  }

  /** Bytes per encoded token. */
  public int bytesPerVector() {
    return bytes;
  }
}
