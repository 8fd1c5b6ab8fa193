/**
 * {@code latte stats}: {@link io.latte.indexer.stats.IndexStatsCollector} measures an open index —
 * documents, tokens, centroids, dimensions, bits, bytes per token by structure ({@link
 * io.latte.indexer.stats.IndexStats} explains the attribution) — and {@link
 * io.latte.indexer.stats.CodebookFit} says whether the codebook still fits newly added tokens.
 */
package io.latte.indexer.stats;
