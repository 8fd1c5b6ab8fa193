/**
 * Reading evaluation datasets in the BEIR layout, the de-facto standard for zero-shot retrieval
 * benchmarks, so the same loader reads our bundled sample, SciFact, Cranfield, or any BEIR set a user
 * downloads.
 *
 * <p>A dataset is a folder (or a classpath prefix, see {@link io.latte.eval.beir.DatasetSource}) with:
 *
 * <ul>
 *   <li>{@code corpus.jsonl} or {@code corpus.jsonl.gz}: one {@code {"_id","title","text","metadata"?}}
 *       object per line;
 *   <li>{@code queries.jsonl} or {@code queries.jsonl.gz}: one {@code {"_id","text"}} object per line;
 *   <li>{@code qrels/<split>.tsv}: header {@code query-id<TAB>corpus-id<TAB>score}, then one judgment per
 *       line; a score above 0 is relevant and higher scores are more relevant (graded relevance).
 * </ul>
 *
 * <p>The corpus is only ever streamed ({@link io.latte.eval.beir.BeirDataset#corpus()}): BEIR corpora
 * reach millions of documents and the indexer consumes them one batch at a time. Queries and qrels are
 * small and are read whole. Every problem in a file is a {@link io.latte.eval.beir.BeirFormatException}
 * naming the file, the 1-based line and what is wrong, because "bad JSON" in a 5 GB file is useless.
 *
 * <p>Which queries count: {@link io.latte.eval.beir.BeirDataset#queries(String)} returns the queries that
 * have at least one judgment (of any grade) in the split. That is the set BEIR evaluates and the set
 * {@code trec_eval -c} averages over (see {@code io.latte.eval.metrics}).
 */
package io.latte.eval.beir;
