package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.DocMatrixCodec;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;

/**
 * Reads one segment's doc-major token matrices and decompresses them into the codebook's space.
 * Doc values iterate forward only: ask for documents in increasing order within a segment.
 */
final class DocMatrices {
  private final BinaryDocValues values;
  private final Codebook codebook;
  private final int centroidWidth;
  private final LeafReader reader;

  DocMatrices(LeafReader reader, Codebook codebook, int centroidWidth) throws IOException {
    this.values = reader.getBinaryDocValues(LatteIndexFormat.FIELD_MATRIX);
    this.codebook = codebook;
    this.centroidWidth = centroidWidth;
    this.reader = reader; // named in error messages only: its toString showed up in xtr's profile
  }

  /**
   * The compressed matrix of {@code doc} read in place (valid until the next call), or null when it
   * has none.
   */
  DocMatrixCodec.View view(int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      return null;
    }
    return DocMatrixCodec.view(values.binaryValue(), centroidWidth, codebook.bytesPerVector(),
        () -> LatteIndexFormat.FIELD_MATRIX + " of doc " + doc + " in " + reader);
  }

  /** The decompressed {@code tokens × dim} matrix of {@code doc}, or null when it has none. */
  float[] decode(int doc) throws IOException {
    DocMatrixCodec.View v = view(doc);
    return v == null ? null : DocMatrixCodec.codes(v).decode(codebook);
  }
}
