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
  private final float[] nibbles;

  /** An empty scorer for {@code quantizer}; call {@link #setQuery} before scoring. */
  public ResidualScorer(ResidualQuantizer quantizer) {
    this.quantizer = Objects.requireNonNull(quantizer, "quantizer");
    this.bytes = quantizer.bytesPerVector();
    this.lut = new float[bytes * 256];
    this.nibbles = new float[bytes * 32];
  }

  /** Builds the tables for query token {@code q[off, off + dim)} (in the codebook's space). */
  public void setQuery(float[] q, int off) {
    nibbleTables(quantizer, q, off, nibbles, 0);
    for (int t = 0; t < bytes; t++) {
      int base = t << 8;
      int hi = t << 5;
      int lo = hi + 16;
      for (int h = 0; h < 16; h++) {
        float hv = nibbles[hi + h];
        int row = base | (h << 4);
        for (int l = 0; l < 16; l++) {
          lut[row | l] = hv + nibbles[lo + l];
        }
      }
    }
  }

  /**
   * The 16-entry tables of every code nibble for query token {@code q[off, off + dim)}: for code
   * byte {@code t}, the high nibble's table is {@code out[outOff + 32t, +16)} and the low nibble's
   * {@code out[outOff + 32t + 16, +16)}, each entry {@code Σ_s q[d0 + s] · w(d0 + s, code s of the
   * nibble)} over the nibble's {@code 4 / b} dimensions. A token's residual score is the sum of its
   * {@code 2 * bytesPerVector} nibble entries; fast scans quantise these tables to bytes.
   */
  public static void nibbleTables(ResidualQuantizer quantizer, float[] q, int off, float[] out, int outOff) {
    int dim = quantizer.dim();
    Checks.range("q", q, off, 1, dim);
    int bytes = quantizer.bytesPerVector();
    if (outOff < 0 || out.length - outOff < bytes * 32) {
      throw new IllegalArgumentException("out needs " + bytes * 32 + " floats from " + outOff + ", has "
          + (out.length - outOff));
    }
    int b = quantizer.bits();
    float[] w = quantizer.weights();
    if (b == 2) {
      twoBitTables(q, off, w, 2 * bytes, out, outOff);
      return;
    }
    int levels = 1 << b;
    int mask = levels - 1;
    int perNibble = 4 / b;
    // Products q_d · w(d, code) once per (dimension, code); each entry then only adds them up (same
    // order as multiplying in place, so the tables are bit-identical to the direct formula).
    float[] prod = new float[dim * levels];
    for (int d = 0; d < dim; d++) {
      float qd = q[off + d];
      for (int c = 0; c < levels; c++) {
        prod[d * levels + c] = qd * w[d * levels + c];
      }
    }
    for (int j = 0; j < 2 * bytes; j++) {
      int p0 = j * perNibble * levels;
      int tableOff = outOff + j * 16;
      for (int n = 0; n < 16; n++) {
        float s = 0f;
        for (int i = 0; i < perNibble; i++) {
          s += prod[p0 + i * levels + ((n >>> (4 - b * (i + 1))) & mask)];
        }
        out[tableOff + n] = s;
      }
    }
  }

  /**
   * A token's sum over {@link #nibbleTables}-layout tables at {@code tables[tablesOff..]}: for each
   * code byte {@code t} (at {@code codes[off + t * stride]}), the entry of its high nibble plus that
   * of its low nibble.
   */
  public static float sumOfNibbleEntries(float[] tables, int tablesOff, int bytes, byte[] codes, int off, int stride) {
    float s0 = 0;
    float s1 = 0;
    for (int t = 0; t < bytes; t++) {
      int c = codes[off + t * stride] & 0xFF;
      s0 += tables[tablesOff + (t << 5) + (c >>> 4)];
      s1 += tables[tablesOff + (t << 5) + 16 + (c & 0x0F)];
    }
    return s0 + s1;
  }

  /**
   * The 2-bit case (the default) without the generic loop's variable shifts: a nibble is two
   * dimensions, entry {@code 4h + l} = {@code q_d w(d, h) + q_{d+1} w(d+1, l)}, summed in the same
   * order as the generic path (bit-identical). Table building runs once per query token on the
   * search path, so this matters next to the fast scan itself.
   */
  private static void twoBitTables(float[] q, int off, float[] w, int nibbles, float[] out, int outOff) {
    for (int j = 0; j < nibbles; j++) {
      int d = 2 * j;
      float q0 = q[off + d];
      float q1 = q[off + d + 1];
      int w0 = 4 * d;
      float h0 = q0 * w[w0];
      float h1 = q0 * w[w0 + 1];
      float h2 = q0 * w[w0 + 2];
      float h3 = q0 * w[w0 + 3];
      float l0 = q1 * w[w0 + 4];
      float l1 = q1 * w[w0 + 5];
      float l2 = q1 * w[w0 + 6];
      float l3 = q1 * w[w0 + 7];
      int o = outOff + 16 * j;
      fourEntries(out, o, h0, l0, l1, l2, l3);
      fourEntries(out, o + 4, h1, l0, l1, l2, l3);
      fourEntries(out, o + 8, h2, l0, l1, l2, l3);
      fourEntries(out, o + 12, h3, l0, l1, l2, l3);
    }
  }

  private static void fourEntries(float[] out, int o, float h, float l0, float l1, float l2, float l3) {
    float s = 0f + h; // 0f + h as the generic path sums (it turns -0.0 into 0.0)
    out[o] = s + l0;
    out[o + 1] = s + l1;
    out[o + 2] = s + l2;
    out[o + 3] = s + l3;
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
