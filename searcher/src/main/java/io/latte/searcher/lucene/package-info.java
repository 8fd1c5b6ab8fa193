/**
 * latte as Lucene parts, for an application that runs its own {@link
 * org.apache.lucene.index.IndexWriter} and {@link org.apache.lucene.search.IndexSearcher}:
 *
 * <ul>
 *   <li>indexing: {@code io.latte.indexer.format.LateInteractionTokensField} turns a document's token
 *       vectors into fields compressed with the index's codebook; {@code
 *       io.latte.indexer.write.LuceneConfig#writerConfig} is the writer configuration they need;
 *   <li>first stage: {@link io.latte.searcher.lucene.XtrQuery} (XTR token retrieval, global top k
 *       computed in {@code rewrite}, composable in a {@link org.apache.lucene.search.BooleanQuery})
 *       or {@link io.latte.searcher.lucene.MuveraQuery} (Lucene's HNSW over MUVERA encodings);
 *   <li>both stages in one query: {@link io.latte.searcher.lucene.ColbertQuery} ({@code colbert}
 *       mode: token retrieval's candidates re-scored by exact MaxSim in {@code rewrite}; its scores
 *       depend only on query and document, so separate indexes' — e.g. shards' — compare);
 *   <li>second stage: {@link io.latte.searcher.lucene.MaxSimRescorer}, exact MaxSim as a {@link
 *       org.apache.lucene.search.Rescorer}, whose {@code explain} gives the per-token matches.
 * </ul>
 *
 * Hybrid search is then a BooleanQuery of BM25 clauses and an XtrQuery, or BM25 first pass and the
 * MaxSim rescorer. Every part calls the same stages as {@link io.latte.searcher.LatteSearcher}
 * (through {@link io.latte.searcher.LateInteraction}), so results equal {@code latte search}'s.
 */
package io.latte.searcher.lucene;
