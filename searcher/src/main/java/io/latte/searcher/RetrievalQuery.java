package io.latte.searcher;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;

/**
 * One request as every {@link Retriever} takes it: prepared once by {@link LatteSearcher} (query
 * projected into the codebook's space, filter rewritten into a weight) so that no retriever repeats
 * that work and a fused retriever hands the same query to both halves.
 *
 * @param text the query text (BM25); may be null for the late-interaction retrievers
 * @param filter the Lucene filter as given (Lucene-side searches: BM25, MUVERA's HNSW); null: none
 * @param filterWeight the same filter as a weight (latte's own scans); null: none
 * @param projected the query tokens in the codebook's space, {@code nq × dim}; null for BM25
 * @param nq query tokens
 * @param explainer builds token-level explanations; null when none were asked for
 * @param timer where a retriever marks the end of its candidate stage
 */
record RetrievalQuery(IndexHandle index, String text, Query filter, Weight filterWeight, float[] projected, int nq,
    SearchParams params, Explainer explainer, StageTimer timer) {}
