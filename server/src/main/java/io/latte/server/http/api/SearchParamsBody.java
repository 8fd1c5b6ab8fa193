package io.latte.server.http.api;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Advanced search parameters; each absent one keeps the searcher's default. Ranges are checked by
 * {@code io.latte.searcher.SearchParams}, plus the server-wide caps below: an out-of-range value is a
 * 400 {@code invalid_params} naming it. Values the index cannot use (k' above its tokens, candidates
 * above its documents, nprobe above its centroids) are clamped silently.
 *
 * @param nprobe clusters probed per query token (default: from the index's statistics, {@code
 *     io.latte.searcher.RetrievalDefaults})
 * @param kPrime XTR imputation: the k'-th retrieved similarity is imputed (default: from the index's
 *     statistics)
 * @param tPrime WARP imputation: cumulative cluster size t' (default 20000)
 * @param imputation xtr or warp
 * @param candidates documents re-scored by colbert / fused by hybrid (default: from the index's
 *     statistics, at least 200)
 * @param fusion rrf, linear or adaptive (hybrid; default adaptive)
 * @param hybridWith xtr, colbert, muvera or exact (hybrid)
 * @param hybridWeight linear fusion weight of the late-interaction score in [0, 1]
 * @param rrfK reciprocal-rank fusion constant
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field is an error, not a silent default
public record SearchParamsBody(
    @Nullable Integer nprobe,
    @Nullable Integer kPrime,
    @Nullable Long tPrime,
    @Nullable String imputation,
    @Nullable Integer candidates,
    @Nullable String fusion,
    @Nullable String hybridWith,
    @Nullable Float hybridWeight,
    @Nullable Integer rrfK) {

  /**
   * Server-wide cap on {@code k_prime} (400 above it). Each query token keeps up to 2·k' floats, and
   * the searcher clamps k' to the index's token count anyway; 100 000 is 400× the default.
   */
  public static final int MAX_K_PRIME = 100_000;

  /** Server-wide cap on {@code candidates} (400 above it): each is re-scored exactly. */
  public static final int MAX_CANDIDATES = 10_000;
}
