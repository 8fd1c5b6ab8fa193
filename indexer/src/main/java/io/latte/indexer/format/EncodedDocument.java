package io.latte.indexer.format;

import io.latte.indexer.input.SourceDocument;
import java.util.Objects;

/**
 * A document ready to be written: its source fields and its tokens compressed by the codebook.
 *
 * @param source id, title, text, metadata
 * @param tokenCount number of tokens
 * @param centroids centroid id per token ({@code tokenCount} entries)
 * @param codes residual codes, {@code tokenCount × bytesPerVector}, token-major
 * @param tokens token strings, or null (then no token text is stored)
 * @param starts start offsets (see {@link TokenText}), null with {@code tokens}
 * @param ends end offsets, null with {@code tokens}
 * @param muvera the document's MUVERA encoding, or null when the index has none
 */
public record EncodedDocument(
    SourceDocument source, int tokenCount, int[] centroids, byte[] codes, String[] tokens,
    int[] starts, int[] ends, float[] muvera) {

  public EncodedDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(centroids, "centroids");
    Objects.requireNonNull(codes, "codes");
    if (centroids.length < tokenCount) {
      throw new IllegalArgumentException(
          "centroids.length must be >= tokenCount=" + tokenCount + ", got " + centroids.length);
    }
  }

  public String id() {
    return source.id();
  }
}
