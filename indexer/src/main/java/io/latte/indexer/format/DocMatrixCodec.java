package io.latte.indexer.format;

import java.util.function.Supplier;
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
   * One document's value read in place: token {@code i}'s centroid and the offset of its codes,
   * without copying the matrix (exact re-scoring reads a few tokens of a few documents).
   */
  public record View(byte[] bytes, int tokens, int centroidsAt, int codesAt, int centroidBytes, int bytesPerVector) {
    public int centroid(int i) {
      return CentroidTerms.read(bytes, centroidsAt + i * centroidBytes, centroidBytes);
    }

    /** Offset in {@link #bytes} of token {@code i}'s {@code bytesPerVector} code bytes. */
    public int codesOffset(int i) {
      return codesAt + i * bytesPerVector;
    }
  }

  /**
   * Parses one document's value in place; the view is valid as long as {@code value}'s bytes are.
   *
   * @param resource for the error message (field and document), built only on an error: this runs
   *     on the search path
   * @throws CorruptIndexException if the length does not match the token count
   */
  public static View view(BytesRef value, int centroidBytes, int bytesPerVector, Supplier<String> resource)
      throws CorruptIndexException {
    byte[] b = value.bytes;
    int p = value.offset;
    int end = value.offset + value.length;
    int n = 0;
    for (int shift = 0; ; shift += 7) {
      if (p >= end || shift > 28) {
        throw new CorruptIndexException("token matrix: bad token count", resource.get());
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
          "token matrix: " + n + " tokens need " + expected + " bytes, found " + (end - p), resource.get());
    }
    return new View(b, n, p, p + n * centroidBytes, centroidBytes, bytesPerVector);
  }

  /**
   * Parses one document's value into arrays.
   *
   * @param resource for the error message (field and document)
   * @throws CorruptIndexException if the length does not match the token count
   */
  public static DocCodes decode(BytesRef value, int centroidBytes, int bytesPerVector, String resource)
      throws CorruptIndexException {
    return codes(view(value, centroidBytes, bytesPerVector, () -> resource));
  }

  /** A view's tokens copied into arrays. */
  public static DocCodes codes(View v) {
    int bytesPerVector = v.bytesPerVector();
    int[] centroids = new int[v.tokens()];
    for (int i = 0; i < centroids.length; i++) {
      centroids[i] = v.centroid(i);
    }
    byte[] codes = new byte[v.tokens() * bytesPerVector];
    System.arraycopy(v.bytes(), v.codesAt(), codes, 0, codes.length);
    return new DocCodes(v.tokens(), centroids, codes);
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
