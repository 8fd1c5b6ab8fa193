/**
 * latte's Lucene codec parts: {@link io.latte.indexer.codec.LatteTokensPostingsFormat} stores the
 * token field's postings as the cluster-major, block-transposed layout that token retrieval scans
 * (written at flush and merge, read off-heap through {@code IndexInput}, verified by CheckIndex),
 * {@link io.latte.indexer.codec.LatteCodec} routes that field to it, and {@link
 * io.latte.indexer.codec.TokenLayout} is the searcher's view of one segment's layout: blocks for
 * the scan, per-document gathers for exact re-scoring. The byte layout is documented on {@link
 * io.latte.indexer.format.LatteIndexFormat}.
 *
 * <p>Why a postings format rather than a side file: Lucene then writes, merges, deletes, checks and
 * reference-counts the files with the segment, and the field stays an ordinary indexed field for
 * any Lucene code that reads postings.
 */
package io.latte.indexer.codec;
