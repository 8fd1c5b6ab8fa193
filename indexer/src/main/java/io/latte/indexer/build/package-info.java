/**
 * Building and extending an index from a document stream: {@link
 * io.latte.indexer.build.IndexBuilder#build} with {@link io.latte.indexer.build.BuildOptions},
 * reporting to a {@link io.latte.indexer.build.BuildListener} and returning a {@link
 * io.latte.indexer.build.BuildSummary}.
 *
 * <p>Stages, each a small class: {@code BatchReader} (read, check, de-duplicate on the caller's
 * thread; embed on {@code EmbeddingWorkers}, results in input order), {@code CodebookTraining}
 * (embed a sample spread across the input, train the codebook, keep the sample's embeddings for
 * the pipeline; for a new index only), {@code WriterLoop} (compress, write, commit — on its own thread, behind a bounded queue),
 * {@code DocumentChecks} and {@code BadDocuments} (what makes a document bad, and the skip/stop
 * policy). Memory is bounded by the sample size, the queue and Lucene's RAM buffer, not by the
 * corpus.
 */
package io.latte.indexer.build;
