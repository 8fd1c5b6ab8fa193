package io.latte.searcher;

import org.apache.lucene.search.Query;

/**
 * One search: the query text (BM25 and hybrid use it), its vectors (every late-interaction mode
 * needs them), the mode, an optional Lucene filter, whether to explain hits, and the parameters.
 */
public record SearchRequest(String text, QueryVectors vectors, SearchMode mode, Query filter, boolean explain,
    SearchParams params) {
  public SearchRequest {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required; choose from " + SearchMode.names());
    }
    if (params == null) {
      params = SearchParams.defaults();
    }
    if (mode.needsVectors() && vectors == null) {
      throw new IllegalArgumentException("mode " + mode.label() + " needs the encoded query");
    }
    if ((mode == SearchMode.BM25 || mode == SearchMode.HYBRID) && (text == null || text.isBlank())) {
      throw new IllegalArgumentException("mode " + mode.label() + " needs the query text");
    }
  }
}
