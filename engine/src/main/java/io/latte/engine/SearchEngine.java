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
   * null, with the model named in the index. An index built from precomputed vectors without a
   * model opens without an encoder: it is searched with query vectors ({@link #search(QueryVectors,
   * String, SearchMode, String, boolean, SearchParams)}, {@link QueryVectors#checked}) or in bm25 mode.
   */
  public static SearchEngine open(Path indexDir, String model, EncoderOptions options) throws IOException {
    LatteIndex index = LatteIndex.open(indexDir);
    TokenEncoder encoder = null;
    try {
      if (model == null && index.meta().model().isPrecomputed()) {
        return new SearchEngine(index, null);
      }
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

  /** The query encoder; an index of precomputed vectors opened without a model has none. */
  public TokenEncoder encoder() {
    if (encoder == null) {
      throw new IllegalArgumentException(noModel());
    }
    return encoder;
  }

  private String noModel() {
    return "index " + index.path() + " was built from precomputed vectors without a model: give the query's"
        + " token vectors, use mode bm25, or name the model that produced the vectors (--model)";
  }

  /** Encodes a query for the searcher. */
  public QueryVectors encode(String text) {
    EncodedText e = encoder().encodeQuery(text);
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

  /**
   * Searches with query vectors computed elsewhere (the index's model, or the same producer as a
   * precomputed index's vectors); {@code text} is optional, used by bm25 and hybrid.
   *
   * @throws IllegalArgumentException when the vectors' dimension is not the index's
   */
  public SearchResult search(QueryVectors vectors, String text, SearchMode mode, String filter, boolean explain,
      SearchParams params) throws IOException {
    int dim = index.meta().model().dim();
    if (vectors.dim() != dim) {
      throw new IllegalArgumentException("query vectors have " + vectors.dim() + " values per token, but index "
          + index.path() + " takes " + dim + "-dimensional token vectors");
    }
    if (!mode.needsVectors() || mode == SearchMode.HYBRID) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("mode " + mode.label() + " needs query text");
      }
    }
    return searcher.search(new SearchRequest(text == null ? "" : text, vectors, mode, filter(filter), explain, params));
  }

  @Override
  public void close() throws IOException {
    try {
      if (encoder != null) {
        encoder.close();
      }
    } finally {
      index.close();
    }
  }
}
