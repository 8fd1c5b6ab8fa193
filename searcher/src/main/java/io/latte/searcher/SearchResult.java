package io.latte.searcher;

import java.util.List;

/**
 * Hits, best first, and where the time went (nanoseconds): retrieval vs exact re-scoring.
 *
 * @param params the parameters the search ran with: the request's, with nprobe, k' and candidates
 *     filled in from the index's statistics where the request left them to the rule ({@link
 *     RetrievalDefaults}) and clamped to the index
 */
public record SearchResult(List<Hit> hits, long retrieveNanos, long scoreNanos, SearchParams params) {}
