package io.latte.indexer.format;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.util.BytesRef;

/**
 * Byte layout of {@link LatteIndexFormat#FIELD_MATRIX} (documented on {@link LatteIndexFormat}):
 * {@code vint n, n × w centroid bytes, n × B code bytes}. Encoding and decoding sit side by side so
 * the layout exists in exactly one place.
 */
public final class DocMatrixCodec {

  private DocMatrixCodec() {}

  /** The doc-values bytes of one document. */
  public static byte[] encode(EncodedDocument doc, int centroidBytes, int bytesPerVector) {
    int n = doc.tokenCount();
    int header = vintSize(n);
    byte[] out = new byte[header + n * (centroidBytes + bytesPerVector)];
    int p = writeVInt(n, out, 0);
    for (int i = 0; i < n; i++, p += centroidBytes) {
      CentroidTerms.write(doc.centroids()[i], centroidBytes, out, p);
    }
    System.arraycopy(doc.codes(), 0, out, p, n * bytesPerVector);
    return out;
  }

  /**
   * Parses one document's value.
   *
   * @param resource for the error message (field and document)
   * @throws CorruptIndexException if the length does not match the token count
   */
  public static DocCodes decode(BytesRef value, int centroidBytes, int bytesPerVector, String resource)
      throws CorruptIndexException {
    byte[] b = value.bytes;
    int p = value.offset;
    int end = value.offset + value.length;
    int n = 0;
    for (int shift = 0; ; shift += 7) {
      if (p >= end || shift > 28) {
        throw new CorruptIndexException("token matrix: bad token count", resource);
      }
      byte x = b[p++];
      n |= (x & 0x7F) << shift;
      if (x >= 0) {
        break;
      }
    }
    long expected = (long) n * (centroidBytes + bytesPerVector);
    if (n < 0 || end - p != expected) {
      throw new CorruptIndexException(
          "token matrix: " + n + " tokens need " + expected + " bytes, found " + (end - p), resource);
    }
    int[] centroids = new int[n];
    for (int i = 0; i < n; i++, p += centroidBytes) {
      centroids[i] = CentroidTerms.read(b, p, centroidBytes);
    }
    byte[] codes = new byte[n * bytesPerVector];
    System.arraycopy(b, p, codes, 0, codes.length);
    return new DocCodes(n, centroids, codes);
  }

  /** Bytes of a vint. */
  public static int vintSize(int v) {
    int size = 1;
    while ((v & ~0x7F) != 0) {
      v >>>= 7;
      size++;
    }
    return size;
  }

  private static int writeVInt(int v, byte[] out, int p) {
    while ((v & ~0x7F) != 0) {
      out[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[p++] = (byte) v;
    return p;
  }
}
