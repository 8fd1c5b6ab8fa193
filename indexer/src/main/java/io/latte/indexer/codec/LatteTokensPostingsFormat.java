package io.latte.indexer.codec;

import java.io.IOException;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * The postings format of latte's token field ({@code tokens}: term = centroid id, position = token
 * ordinal, payload = residual codes): the field's postings are stored as the cluster-major,
 * block-transposed layout token retrieval scans, so the file that is scanned <em>is</em> the index
 * and nothing is copied into the heap. Routed to that field only by {@link LatteCodec}; found again
 * on read by its SPI name, {@value #NAME}.
 *
 * <p>Three files per segment (byte layout on {@link io.latte.indexer.format.LatteIndexFormat}):
 * {@code .ltm} (directory of clusters, read into heap at open: a few ints per cluster), {@code .ltc}
 * (the codes, scanned off-heap) and {@code .ltd} (per token its document and ordinal; per document
 * where each of its tokens sits in the codes, for exact re-scoring). Each has a {@code CodecUtil}
 * index header (segment id, suffix, version) and a checksum footer.
 */
public final class LatteTokensPostingsFormat extends PostingsFormat {
  public static final String NAME = "LatteTokens10";

  static final String META_CODEC = "LatteTokensMeta";
  static final String CODES_CODEC = "LatteTokensCodes";
  static final String DOCS_CODEC = "LatteTokensDocs";
  public static final String META_EXTENSION = "ltm";
  public static final String CODES_EXTENSION = "ltc";
  public static final String DOCS_EXTENSION = "ltd";
  static final int VERSION_START = 0;
  static final int VERSION_CURRENT = VERSION_START;

  /** Tokens per block: the fast-scan kernel scores this many tokens per vector pass. */
  public static final int BLOCK = 64;

  public LatteTokensPostingsFormat() {
    super(NAME);
  }

  @Override
  public FieldsConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
    return new TokensWriter(state);
  }

  @Override
  public FieldsProducer fieldsProducer(SegmentReadState state) throws IOException {
    return new TokensReader(state);
  }
}
