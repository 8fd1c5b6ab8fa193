package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codec.TokenLayout;
import io.latte.indexer.format.DocCodes;
import java.io.IOException;
import org.apache.lucene.index.LeafReader;

/**
 * Gathers one segment's documents' tokens from the cluster-major token layout (through its
 * per-document map: the codes exist once, in the scanned file) and decompresses them into the
 * codebook's space. Random access; one per thread.
 */
final class DocMatrices {
  private final TokenLayout.Cursor cursor;
  private final Codebook codebook;

  DocMatrices(LeafReader reader, Codebook codebook) throws IOException {
    TokenLayout layout = TokenLayout.of(reader);
    this.cursor = layout == null ? null : layout.cursor();
    this.codebook = codebook;
  }

  /** Tokens of {@code doc}, 0 when it has none. */
  int tokenCount(int doc) {
    return cursor == null ? 0 : cursor.tokenCount(doc);
  }

  /**
   * Copies the codes of token {@code position} of {@code doc} into {@code dst[0 ..]} and returns its
   * centroid id.
   *
   * @throws org.apache.lucene.index.CorruptIndexException when the document has no such token
   */
  int gather(int doc, int position, byte[] dst) throws IOException {
    return cursor.gather(cursor.ref(doc, position), dst, 0);
  }

  /** The decompressed {@code tokens × dim} matrix of {@code doc}, or null when it has none. */
  float[] decode(int doc) throws IOException {
    DocCodes c = cursor == null ? null : cursor.docCodes(doc);
    return c == null ? null : c.decode(codebook);
  }
}
