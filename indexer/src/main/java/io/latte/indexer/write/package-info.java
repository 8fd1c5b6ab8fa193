/**
 * Writing a latte index: {@link io.latte.indexer.write.TokenCompressor} turns token vectors into
 * centroid ids and residual codes (measuring the codebook's fit on the way), and {@link
 * io.latte.indexer.write.LatteIndexWriter} adds, replaces and deletes documents and commits with
 * progress in the commit user data. {@link io.latte.indexer.write.LuceneConfig} is the one place
 * where Lucene's writer is configured.
 *
 * <p>Crash safety rests on Lucene's commit: the writer never commits on close, so whatever happens
 * between two commits is either entirely in the next one or not in the index at all.
 */
package io.latte.indexer.write;
