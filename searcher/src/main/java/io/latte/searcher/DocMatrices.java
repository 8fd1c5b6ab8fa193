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

  /** Documents gathered together by {@link #decodeAll}: bounds its buffers (64 × 300 tokens × B). */
  static final int BATCH = 64;

  private int[] centroids = new int[0];
  private byte[] codes = new byte[0];
  private long[] order = new long[0];

  /** Receives one decoded document of a batch. */
  interface MatrixConsumer {
    void accept(int index, float[] matrix) throws IOException;
  }

  /**
   * Decodes {@code docs[0 .. count)} (at most {@link #BATCH}), gathering their tokens in layout
   * order, and hands each matrix (null when the document has none) to {@code consumer} in order.
   * The same decoding as {@link #decode}, so the scores are bit for bit the same.
   */
  void decodeAll(int[] docs, int count, MatrixConsumer consumer) throws IOException {
    int[] counts = new int[count];
    int total = 0;
    for (int j = 0; j < count; j++) {
      counts[j] = tokenCount(docs[j]);
      total += counts[j];
    }
    int bpv = codebook.bytesPerVector();
    if (centroids.length < total) {
      centroids = new int[total];
      order = new long[total];
      codes = new byte[total * bpv];
    }
    if (total > 0) {
      cursor.gatherDocs(docs, count, centroids, codes, order);
    }
    int dim = codebook.dim();
    for (int j = 0, at = 0; j < count; at += counts[j], j++) {
      if (counts[j] == 0) {
        consumer.accept(j, null);
        continue;
      }
      float[] m = new float[counts[j] * dim];
      for (int i = 0; i < counts[j]; i++) {
        codebook.decode(centroids[at + i], codes, (at + i) * bpv, m, i * dim);
      }
      consumer.accept(j, m);
    }
  }

  /** The decompressed {@code tokens × dim} matrix of {@code doc}, or null when it has none. */
  float[] decode(int doc) throws IOException {
    DocCodes c = cursor == null ? null : cursor.docCodes(doc);
    return c == null ? null : c.decode(codebook);
  }
}
