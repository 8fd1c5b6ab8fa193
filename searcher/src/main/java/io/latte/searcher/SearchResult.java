package io.latte.searcher;

import java.util.List;

/** Hits, best first, and where the time went (nanoseconds): retrieval vs exact re-scoring. */
public record SearchResult(List<Hit> hits, long retrieveNanos, long scoreNanos) {}
