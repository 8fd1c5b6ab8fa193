package io.latte.server.http.search;

import io.latte.indexer.input.InvalidVectorsException;
import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import io.latte.searcher.Hit;
import io.latte.searcher.QueryVectors;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import io.latte.searcher.SearchRequest;
import io.latte.searcher.SearchResult;
import io.latte.searcher.TokenMatch;
import io.latte.server.http.LatteSettings;
import io.latte.server.http.api.HitView;
import io.latte.server.http.api.SearchBody;
import io.latte.server.http.api.SearchResponse;
import io.latte.server.http.api.Timings;
import io.latte.server.http.api.TokenMatchView;
import io.latte.server.http.error.ApiException;
import io.latte.server.http.error.ErrorCode;
import io.latte.server.http.index.LiveIndex;
import io.latte.server.http.index.Snapshot;
import io.latte.server.http.index.StoredDocument;
import io.latte.server.http.ops.ServerMetrics;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.Query;

/**
 * {@code POST /v1/search} behind the controller: checks what bean validation cannot (configured
 * query limit, mode, params, filter), encodes the query, searches the current snapshot and turns
 * hits into views with title, snippet and, when asked, the token-level explanation.
 */
@Singleton
public final class SearchService {
  private final LiveIndex index;
  private final TokenEncoder encoder;
  private final ServerMetrics metrics;
  private final int maxQueryChars;

  SearchService(LiveIndex index, TokenEncoder encoder, ServerMetrics metrics, LatteSettings settings) {
    this.index = index;
    this.encoder = encoder;
    this.metrics = metrics;
    this.maxQueryChars = settings.maxQueryChars();
  }

  public SearchResponse search(SearchBody body) throws IOException {
    long t0 = System.nanoTime();
    String text = body.query();
    if (text == null || text.isBlank()) {
      if (body.queryVectors() == null) {
        throw new ApiException(ErrorCode.QUERY_EMPTY, "query must not be empty or blank (or send query_vectors)");
      }
      text = null;
    } else if (text.length() > maxQueryChars) {
      throw new ApiException(ErrorCode.QUERY_TOO_LONG,
          "query must be at most " + maxQueryChars + " characters, got " + text.length());
    }
    SearchMode mode = mode(body.modeOrDefault());
    SearchParams params = params(body);
    boolean explain = body.explainOrDefault();

    QueryVectors vectors = null;
    if (body.queryVectors() != null) {
      vectors = given(body);
      if (text == null && (!mode.needsVectors() || mode == SearchMode.HYBRID)) {
        throw new ApiException(ErrorCode.QUERY_EMPTY, "mode " + mode.label() + " needs query text");
      }
    } else if (mode.needsVectors()) {
      EncodedText e = encoder.encodeQuery(text);
      vectors = QueryVectors.of(e.vectors(), e.tokens(), e.pooled());
    }
    long encodeNanos = System.nanoTime() - t0;

    try (LiveIndex.Lease lease = index.acquire()) {
      if (lease.snapshot().isEmpty()) {
        return response(mode, params, List.of(), encodeNanos, 0, 0, t0, 0);
      }
      Snapshot s = lease.snapshot().get();
      Query filter = filter(s, body.filter());
      SearchResult r;
      try {
        r = s.searcher().search(new SearchRequest(text == null ? "" : text, vectors, mode, filter, explain, params));
      } catch (IllegalArgumentException e) {
        throw new ApiException(ErrorCode.INVALID_REQUEST, e.getMessage(), e);
      }
      List<HitView> hits = views(s, r.hits(), explain);
      return response(mode, params, hits, encodeNanos, r.retrieveNanos(), r.scoreNanos(), t0, s.generation());
    }
  }

  /** {@code query_vectors}, checked as document vectors are, of the index's dimension. */
  private QueryVectors given(SearchBody body) {
    QueryVectors q;
    try {
      q = QueryVectors.checked(body.queryVectors(), body.queryTokens());
    } catch (InvalidVectorsException e) {
      throw new ApiException(ErrorCode.INVALID_REQUEST, "query_" + e.field() + " " + e.problem(), e);
    }
    int dim = index.model().dim();
    if (q.dim() != dim) {
      throw new ApiException(ErrorCode.INVALID_REQUEST, "query_vectors[0] has " + q.dim()
          + " values, but the index takes " + dim + "-dimensional token vectors");
    }
    return q;
  }

  /** Warm-up searches of the default mode (the others get one each). */
  static final int WARM_ROUNDS_DEFAULT_MODE = 10;

  private static final SearchMode DEFAULT_MODE = SearchMode.parse(SearchBody.DEFAULT_MODE);

  /**
   * Runs real queries per mode (with and without explanations) on the current snapshot, outside
   * the metrics: the first user's query would otherwise pay for the encoder's first inference, class
   * loading, JIT compilation and cold index pages (0.75-1 s instead of 15-50 ms on the sample index).
   * Generic on purpose: whatever the searcher maps lazily, a real query touches it. Modes the index
   * cannot serve (e.g. muvera without encodings) are skipped, and so is {@code exact}: the oracle scans
   * every token, so on a large index its warm-up would cost minutes of start-up and prove nothing
   * about serving latency. An index without a model is warmed with random unit query vectors.
   *
   * @return the modes warmed, with the milliseconds each took
   */
  public java.util.Map<SearchMode, Long> warmUp() throws IOException {
    java.util.Map<SearchMode, Long> warmed = new java.util.LinkedHashMap<>();
    String text = "how does the first search of a freshly opened index perform";
    QueryVectors vectors = warmUpVectors(text);
    try (LiveIndex.Lease lease = index.acquire()) {
      if (lease.snapshot().isEmpty()) {
        return warmed;
      }
      Snapshot s = lease.snapshot().get();
      for (SearchMode mode : SearchMode.values()) {
        if (mode == SearchMode.EXACT) {
          continue;
        }
        long t0 = System.nanoTime();
        try {
          // With explanations (what the search page asks for); xtr, the default mode, also without and
          // several times, so that the JIT has compiled its hot loops before the first user arrives.
          int rounds = mode == DEFAULT_MODE ? WARM_ROUNDS_DEFAULT_MODE : 1;
          for (int round = 0; round < rounds; round++) {
            boolean explain = round % 2 == 1 || mode != DEFAULT_MODE;
            SearchResult r = s.searcher().search(new SearchRequest(text, mode.needsVectors() ? vectors : null, mode,
                null, explain, SearchParams.defaults()));
            views(s, r.hits(), explain);
          }
          warmed.put(mode, (System.nanoTime() - t0) / 1_000_000);
        } catch (IllegalArgumentException | IllegalStateException unavailable) {
          // this index cannot serve the mode; its requests will say so
        }
      }
    }
    return warmed;
  }

  /** The encoded warm-up text, or, for an index served without a model, 8 seeded random unit vectors. */
  private QueryVectors warmUpVectors(String text) {
    if (encoder instanceof io.latte.server.http.NoModelEncoder) {
      int dim = encoder.info().dim();
      java.util.Random random = new java.util.Random(42);
      float[][] rows = new float[8][dim];
      for (float[] row : rows) {
        double norm = 0;
        for (int j = 0; j < dim; j++) {
          row[j] = (float) random.nextGaussian();
          norm += row[j] * row[j];
        }
        for (int j = 0; j < dim; j++) {
          row[j] /= (float) Math.sqrt(norm);
        }
      }
      return QueryVectors.of(rows, null, null);
    }
    EncodedText e = encoder.encodeQuery(text);
    return QueryVectors.of(e.vectors(), e.tokens(), e.pooled());
  }

  private SearchResponse response(SearchMode mode, SearchParams params, List<HitView> hits, long encodeNanos,
      long retrieveNanos, long scoreNanos, long t0, long generation) {
    long total = System.nanoTime() - t0;
    metrics.search(mode, total, encodeNanos, retrieveNanos, scoreNanos);
    return new SearchResponse(mode.label(), params.k(), hits,
        new Timings(ms(encodeNanos), ms(retrieveNanos), ms(scoreNanos), ms(total)), generation);
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }

  private static SearchMode mode(String name) {
    try {
      return SearchMode.parse(name);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.INVALID_MODE, e.getMessage(), e);
    }
  }

  private static SearchParams params(SearchBody body) {
    try {
      return SearchParamsMapper.apply(SearchParams.defaults().withK(body.kOrDefault()), body.params());
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.INVALID_PARAMS, "params: " + e.getMessage(), e);
    }
  }

  /** Longest filter text: parsing is linear in it, and 1024 clauses fit many times over. */
  static final int MAX_FILTER_CHARS = 65_536;

  private static Query filter(Snapshot s, String filter) {
    if (filter == null || filter.isBlank()) {
      return null;
    }
    if (filter.length() > MAX_FILTER_CHARS) {
      throw new ApiException(ErrorCode.INVALID_FILTER,
          "filter must be at most " + MAX_FILTER_CHARS + " characters, got " + filter.length());
    }
    try {
      return s.filters().parse(filter);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.INVALID_FILTER, e.getMessage(), e);
    }
  }

  private static List<HitView> views(Snapshot s, List<Hit> hits, boolean explain) throws IOException {
    StoredFields stored = s.reader().storedFields();
    List<HitView> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      StoredDocument d = LiveIndex.stored(stored.document(h.luceneDoc(), LiveIndex.STORED_FIELDS));
      List<TokenMatch> ex = explain ? h.explanation() : null;
      out.add(new HitView(h.id(), h.score(), d.title(), Snippets.of(d.title(), d.text(), ex),
          explain ? d.fullText() : null, ex == null ? (explain ? List.of() : null) : matches(ex)));
    }
    return out;
  }

  private static List<TokenMatchView> matches(List<TokenMatch> ex) {
    List<TokenMatchView> out = new ArrayList<>(ex.size());
    for (TokenMatch m : ex) {
      out.add(new TokenMatchView(m.queryToken(), m.queryText(), m.docToken(), m.docText(), m.start(), m.end(),
          m.similarity(), m.imputed()));
    }
    return out;
  }
}
