package io.latte.indexer.codec;

import io.latte.indexer.format.LatteIndexFormat;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;

/**
 * Lucene's default codec with {@link LatteTokensPostingsFormat} for the token field. Readers do not
 * need this codec: {@link PerFieldPostingsFormat} records each field's format name in the segment,
 * and Lucene finds {@value LatteTokensPostingsFormat#NAME} by SPI; it is SPI-registered anyway so
 * that segments written with it name a codec Lucene can load.
 */
public final class LatteCodec extends FilterCodec {
  public static final String NAME = "Latte10";

  private final PostingsFormat tokens = new LatteTokensPostingsFormat();
  private final Lucene103Codec defaults = new Lucene103Codec();
  private final PostingsFormat postings = new PerFieldPostingsFormat() {
    @Override
    public PostingsFormat getPostingsFormatForField(String field) {
      return LatteIndexFormat.FIELD_TOKENS.equals(field) ? tokens : defaults.getPostingsFormatForField(field);
    }
  };

  public LatteCodec() {
    super(NAME, new Lucene103Codec());
  }

  @Override
  public PostingsFormat postingsFormat() {
    return postings;
  }
}
