/**
 * Searching a latte index: one API ({@link io.latte.searcher.LatteSearcher}) for every mode, each a
 * composition of named stages.
 *
 * <h2>xtr: first-stage token retrieval</h2>
 *
 * XTR (Lee et al. 2023) scores a document from the document tokens that each query token retrieves
 * on its own, instead of reading every document's full token matrix. On a latte index:
 *
 * <ol>
 *   <li>{@link io.latte.searcher.xtr.CentroidSelector}: each query token (projected into the
 *       codebook's space) is scored against every centroid; its {@code nprobe} best clusters are
 *       probed.
 *   <li>{@link io.latte.searcher.xtr.TokenRetriever}: every probed cluster is scanned once per
 *       query (clusters in {@link io.latte.searcher.xtr.ProbePlan} order, each block scored for all
 *       query tokens that probe it while it is in cache) over
 *       {@link io.latte.indexer.codec.TokenLayout}, each segment's cluster-major, block-transposed
 *       token file (the postings of the token field, written by
 *       {@link io.latte.indexer.codec.LatteTokensPostingsFormat} at flush and merge) read through
 *       the mapped file, one 64-token block at a time. Tokens are
 *       scored 64 at a time from their codes with 8-bit nibble lookup tables held in registers
 *       (PQ fast scan: {@code q·v̂ ≈ q·c + base + Δ·Σ table[nibble]}), compared in-register against
 *       the query token's running k'-th best ({@link io.latte.searcher.xtr.RunningThreshold}); only
 *       passing tokens reach scalar code. Per (document, query token) the best similarity is
 *       kept. Deleted and filtered-out documents are skipped here.
 *   <li>{@link io.latte.searcher.xtr.MissingSimilarityImputer}: a query token that retrieved nothing
 *       from a document still contributes. XTR's rule imputes the k'-th best similarity that query
 *       token retrieved over the whole index ({@code max(retrieved, m)}, which is the same as
 *       counting only the top-k' tokens); WARP's rule imputes the centroid score at which the
 *       cumulative cluster size passes t' tokens.
 *   <li>The document score is the sum over query tokens; the best {@code 2k} across all segments
 *       are re-scored exactly: every retrieved token within twice the tables' error bound of a
 *       document's best is re-scored with float tables from the document's doc-major codes
 *       ({@code XtrRetrieval}), so reported scores and explanations are exact similarities, and
 *       the best {@code k} are returned.
 * </ol>
 *
 * With every cluster probed and k' = all tokens, every document token is retrieved, nothing is
 * imputed, and the score equals exact MaxSim over the compressed vectors — the property the
 * randomised tests check.
 *
 * <h2>Other modes</h2>
 *
 * {@code colbert} (PLAID-style) re-scores the top {@code candidates} of token retrieval with exact
 * MaxSim over their decompressed token matrices; {@code exact} does that for every document (the
 * oracle); {@code bm25} is Lucene BM25 over title + text; {@code hybrid} fuses BM25 with a
 * late-interaction mode by reciprocal rank or a weighted sum of min-max-normalised scores. Every mode
 * honours a Lucene filter and deletes through one place ({@code AcceptDocs}), and explanations are
 * computed from the same numbers as the scores ({@code Explainer}).
 *
 * <p>Each mode is a {@code Retriever} ({@code XtrRetriever}, {@code ColbertRetriever}, {@code
 * MuveraRetriever}, {@code ExactRetriever}, {@code Bm25Retriever}, and {@code HybridRetriever} over
 * BM25 and any of the late ones), picked in one place ({@code Retrievers}); {@link
 * io.latte.searcher.LatteSearcher} only prepares the query and turns the ranking into hits. The same
 * stages are Lucene parts in {@link io.latte.searcher.lucene} (a {@code Query}, a {@code Rescorer}).
 */
package io.latte.searcher;
