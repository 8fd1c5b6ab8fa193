package io.latte.indexer.format;

import org.apache.lucene.util.BytesRef;

/**
 * Centroid ids as terms of {@link LatteIndexFormat#FIELD_TOKENS} and as entries of the doc-major
 * matrix: {@code width} big-endian bytes, so byte order (Lucene's term order) is id order.
 */
public final class CentroidTerms {

  private CentroidTerms() {}

  /** A new term for {@code centroid}. */
  public static BytesRef term(int centroid, int width) {
    byte[] b = new byte[width];
    write(centroid, width, b, 0);
    return new BytesRef(b);
  }

  /** Writes {@code centroid} as {@code width} big-endian bytes at {@code out[off]}. */
  public static void write(int centroid, int width, byte[] out, int off) {
    if (centroid < 0 || (width < 4 && centroid >>> (8 * width) != 0)) {
      throw new IllegalArgumentException(
          "centroid must fit in " + width + " unsigned bytes, got " + centroid);
    }
    for (int i = width - 1; i >= 0; i--) {
      out[off + i] = (byte) centroid;
      centroid >>>= 8;
    }
  }

  /** Reads a big-endian id of {@code width} bytes at {@code in[off]}. */
  public static int read(byte[] in, int off, int width) {
    int v = 0;
    for (int i = 0; i < width; i++) {
      v = (v << 8) | (in[off + i] & 0xFF);
    }
    return v;
  }

  /** The centroid id of a term of the token field. */
  public static int centroid(BytesRef term) {
    return read(term.bytes, term.offset, term.length);
  }
}
