package io.latte.server.http.api;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code POST /v1/search}.
 *
 * @param query the query text; not blank, at most the server's limit (default 1000 chars); required
 *     unless {@code query_vectors} is given (then only bm25 and hybrid use it)
 * @param k hits to return, 1..{@value #MAX_K}; default {@value #DEFAULT_K}
 * @param mode xtr (default), colbert, exact, bm25 or hybrid
 * @param filter Lucene-syntax filter over metadata keys and id, e.g. {@code topic:volcanoes AND
 *     year:[2000 TO 2020]}; optional
 * @param explain per hit, the document token each query token matched (late-interaction modes)
 * @param params advanced search parameters; optional
 * @param queryVectors the query's token vectors computed elsewhere, instead of encoding {@code
 *     query} (one array of numbers per token, of the index's dimension); how an index built from
 *     precomputed vectors without a model is searched; optional
 * @param queryTokens with {@code query_vectors}: the token strings, for explanations; optional
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field is an error, not a silent default
public record SearchBody(
    @Nullable String query,
    @Nullable @Min(value = 1, message = "must be in [1, " + SearchBody.MAX_K + "]")
        @Max(value = SearchBody.MAX_K, message = "must be in [1, " + SearchBody.MAX_K + "]") Integer k,
    @Nullable String mode,
    @Nullable String filter,
    @Nullable Boolean explain,
    @Nullable @Valid SearchParamsBody params,
    @Nullable float[][] queryVectors,
    @Nullable String[] queryTokens) {

  /** A text query. */
  public SearchBody(String query, Integer k, String mode, String filter, Boolean explain, SearchParamsBody params) {
    this(query, k, mode, filter, explain, params, null, null);
  }

  public static final int MAX_K = 1000;
  public static final int DEFAULT_K = 10;
  public static final String DEFAULT_MODE = "xtr";

  public int kOrDefault() {
    return k == null ? DEFAULT_K : k;
  }

  public String modeOrDefault() {
    return mode == null ? DEFAULT_MODE : mode;
  }

  public boolean explainOrDefault() {
    return explain != null && explain;
  }
}
