/**
 * The stages of XTR/WARP token retrieval, each usable and testable alone: centroid selection, the
 * probe plan, the token scan (in-memory cluster blocks of each segment's centroid postings, scored
 * with the fast-scan kernel: SIMD through the Vector API or scalar, bit-identical), k'-th-best
 * tracking (a running histogram bound while scanning, exact selection after), and
 * missing-similarity imputation. See the {@link io.latte.searcher} package documentation for the
 * whole pipeline.
 */
package io.latte.searcher.xtr;
