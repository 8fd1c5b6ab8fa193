/**
 * The stages of XTR/WARP token retrieval, each usable and testable alone: centroid selection, the
 * per-segment token scan over centroid postings, k'-th-best tracking, and missing-similarity
 * imputation. See the {@link io.latte.searcher} package documentation for the whole pipeline.
 */
package io.latte.searcher.xtr;
