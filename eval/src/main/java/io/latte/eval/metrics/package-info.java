/**
 * Retrieval quality measures that reproduce NIST {@code trec_eval} (9.0.x) to the last printed
 * digit, so numbers from our harness, from {@code trec_eval} on our run files, and from published BEIR
 * tables (which use {@code pytrec_eval}, the same C code) can be compared directly.
 *
 * <p>How {@code trec_eval} scores one query, and therefore how {@link
 * io.latte.eval.metrics.RunEvaluator} does:
 *
 * <ol>
 *   <li>The rank column of the run is ignored. Results are re-sorted by score descending; the score is
 *       held as a 32-bit {@code float}, so scores that differ only beyond float precision tie. Ties go
 *       to the document id that is larger in byte order ({@code strcmp}, i.e. Unicode code point
 *       order for UTF-8): among equal scores, "doc9" ranks above "doc10". See {@link
 *       io.latte.eval.metrics.TrecOrder}.
 *   <li>Only the top {@value io.latte.eval.metrics.RunEvaluator#DEFAULT_DEPTH} are kept ({@code trec_eval
 *       -M 1000}; without {@code -M} it keeps everything, so our tools always pass it).
 *   <li>A document is relevant when its grade is at least 1; unjudged documents count as non-relevant.
 *       nDCG uses the grade itself as gain and {@code log2(rank + 1)} as discount; its ideal ranking is
 *       built from all of the query's judged relevant documents, retrieved or not.
 * </ol>
 *
 * <p>Which queries are averaged: by default all queries in the qrels, a query the run has no results
 * for scoring 0 ({@code trec_eval -c}). That is what BEIR reports and the only choice that cannot
 * flatter a system that skips hard queries. Queries in the run but not in the qrels are ignored.
 */
package io.latte.eval.metrics;
