package io.latte.engine;

import io.latte.indexer.read.LatteIndex;
import io.latte.models.EncodedText;
import io.latte.models.EncoderOptions;
import io.latte.models.Encoders;
import io.latte.models.TokenEncoder;
import io.latte.searcher.FilterParser;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LatteSearcher;
import io.latte.searcher.QueryVectors;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import io.latte.searcher.SearchRequest;
import io.latte.searcher.SearchResult;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.search.Query;

/**
 * An opened index plus the encoder of the model it was built with. Opening checks the model: an
 * encoder whose weights differ from the index's is refused with a message naming both.
 */
public final class SearchEngine implements Closeable {
  private final LatteIndex index;
  private final TokenEncoder encoder;
  private final LatteSearcher searcher;
  private final FilterParser filters;

  private SearchEngine(LatteIndex index, TokenEncoder encoder) throws IOException {
    this.index = index;
    this.encoder = encoder;
    this.searcher = new LatteSearcher(IndexHandle.of(index));
    this.filters = FilterParser.forIndex(index);
  }

  /**
   * Opens {@code indexDir} with {@code model} (an embedded name or a model directory), or, when
   * null, with the model named in the index.
   */
  public static SearchEngine open(Path indexDir, String model, EncoderOptions options) throws IOException {
    LatteIndex index = LatteIndex.open(indexDir);
    TokenEncoder encoder = null;
    try {
      String name = model != null ? model : index.meta().model().name();
      encoder = Encoders.open(name, options);
      index.meta().model().requireSameModel(EncoderEmbedder.identity(encoder), indexDir.toString());
      return new SearchEngine(index, encoder);
    } catch (IOException | RuntimeException e) {
      if (encoder != null) {
        encoder.close();
      }
      index.close();
      throw e;
    }
  }

  public LatteIndex index() {
    return index;
  }

  public LatteSearcher searcher() {
    return searcher;
  }

  public TokenEncoder encoder() {
    return encoder;
  }

  /** Encodes a query for the searcher. */
  public QueryVectors encode(String text) {
    EncodedText e = encoder.encodeQuery(text);
    return QueryVectors.of(e.vectors(), e.tokens(), e.pooled());
  }

  /** Parses a filter in Lucene syntax over this index's metadata keys (null or blank: no filter). */
  public Query filter(String filter) {
    return filter == null || filter.isBlank() ? null : filters.parse(filter);
  }

  /** Encodes (when the mode needs it) and searches. */
  public SearchResult search(String text, SearchMode mode, String filter, boolean explain, SearchParams params)
      throws IOException {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("query text is empty");
    }
    QueryVectors q = mode.needsVectors() ? encode(text) : null;
    return searcher.search(new SearchRequest(text, q, mode, filter(filter), explain, params));
  }

  @Override
  public void close() throws IOException {
    try {
      encoder.close();
    } finally {
      index.close();
    }
  }
}
