package io.latte.opensearch;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.write.LuceneConfig;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;

/**
 * OpenSearch's codec for an index, except that latte's token field ({@value
 * LatteIndexFormat#FIELD_TOKENS}) gets the postings format of the codec latte's own {@code
 * IndexWriter} uses ({@link LuceneConfig#writerConfig}): a shard's segments then hold exactly the
 * layout latte's searcher reads. Every other field keeps OpenSearch's per-field choice.
 *
 * <p>Reading needs no delegate: {@link PerFieldPostingsFormat} records each field's format in the
 * segment and Lucene finds it by SPI. The no-argument constructor (SPI-registered under {@value
 * #NAME}) exists so that segments naming this codec open on any node with the plugin.
 */
public final class LatteOpenSearchCodec extends FilterCodec {
  public static final String NAME = "LatteOpenSearch103";

  private final PostingsFormat postings;

  /** For reading segments (SPI). */
  public LatteOpenSearchCodec() {
    this(new Lucene103Codec()); // not Codec.forName: SPI is still loading codecs when it calls us
  }

  /** @param delegate OpenSearch's codec for the index */
  public LatteOpenSearchCodec(Codec delegate) {
    super(NAME, delegate);
    PostingsFormat others = delegate.postingsFormat();
    this.postings = new PerFieldPostingsFormat() {
      @Override
      public PostingsFormat getPostingsFormatForField(String field) {
        if (LatteIndexFormat.FIELD_TOKENS.equals(field)) {
          return LatteTokens.FORMAT;
        }
        return others instanceof PerFieldPostingsFormat perField ? perField.getPostingsFormatForField(field) : others;
      }
    };
  }

  /**
   * The token field's postings format in the codec latte's IndexWriter is configured with. Looked up
   * on first use, not in a constructor: latte's codec wraps Lucene's default codec, which must not be
   * asked for while SPI is instantiating this one.
   */
  private static final class LatteTokens {
    static final PostingsFormat FORMAT = lookup();

    private static PostingsFormat lookup() {
      PostingsFormat pf = LuceneConfig.codec().postingsFormat();
      return pf instanceof PerFieldPostingsFormat perField ? perField.getPostingsFormatForField(LatteIndexFormat.FIELD_TOKENS) : pf;
    }
  }

  @Override
  public PostingsFormat postingsFormat() {
    return postings;
  }
}
