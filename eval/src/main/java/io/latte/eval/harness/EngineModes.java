package io.latte.eval.harness;

import io.latte.engine.SearchEngine;
import io.latte.eval.metrics.ScoredDoc;
import io.latte.models.EncodedText;
import io.latte.searcher.Hit;
import io.latte.searcher.LatteSearcher;
import io.latte.searcher.QueryVectors;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import io.latte.searcher.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Searcher modes over an index as {@link ModeRunner}s, on queries encoded once by the harness. */
public final class EngineModes {
  public static final List<String> NAMES =
      Arrays.stream(SearchMode.values()).map(SearchMode::label).toList();

  /**
   * What eval and bench run when no modes are given: every mode, less muvera on an index built
   * without MUVERA encodings ({@code latte index --no-muvera}, or an index older than them).
   */
  public static List<String> defaults(io.latte.indexer.read.LatteIndex index) {
    boolean muvera = index.meta().muvera() != null;
    return NAMES.stream().filter(m -> muvera || !m.equals(SearchMode.MUVERA.label())).toList();
  }

  private EngineModes() {}

  /** The index's searcher in {@code mode}; {@code depth} becomes the request's k. */
  public static ModeRunner runner(SearchEngine engine, QuerySet queries, SearchMode mode, SearchParams params) {
    return runner(engine.searcher(), queries, mode, params);
  }

  /** A searcher in {@code mode}; {@code depth} becomes the request's k. */
  public static ModeRunner runner(LatteSearcher searcher, QuerySet queries, SearchMode mode, SearchParams params) {
    QueryVectors[] vectors = new QueryVectors[queries.size()];
    if (mode.needsVectors()) {
      for (int q = 0; q < vectors.length; q++) {
        EncodedText e = queries.encoded(q);
        vectors[q] = QueryVectors.of(e.vectors(), e.tokens(), e.pooled());
      }
    }
    return (q, depth) -> {
      var request = new SearchRequest(queries.text(q), vectors[q], mode, null, false, params.withK(depth));
      List<Hit> hits = searcher.search(request).hits();
      List<ScoredDoc> out = new ArrayList<>(hits.size());
      for (Hit h : hits) {
        out.add(new ScoredDoc(h.id(), h.score()));
      }
      return out;
    };
  }
}
