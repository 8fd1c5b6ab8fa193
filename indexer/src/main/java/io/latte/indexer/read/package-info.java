/**
 * Reading a latte index: the API the searcher builds on. {@link io.latte.indexer.read.LatteIndex} is
 * the one read view of an index — opened from its directory by the command line, the evaluation
 * harness and the engine, or over a reopened reader by the server ({@code LatteIndex.over}).
 *
 * <pre>{@code
 * try (LatteIndex index = LatteIndex.open(dir, encoderModelIdentity)) {
 *   Codebook cb = index.codebook();                 // project queries, decode, ResidualScorer LUTs
 *   float[] q = cb.project(queryToken);              // query token in codebook space
 *   for (LeafTokens leaf : index.leaves()) {         // one per segment
 *     PostingsEnum pe = leaf.postings(centroid, null);   // cluster-major: docs of one centroid
 *     while (pe != null && pe.nextDoc() != NO_MORE_DOCS) {
 *       for (int i = 0; i < pe.freq(); i++) {
 *         int tokenOrdinal = pe.nextPosition();
 *         BytesRef codes = pe.getPayload();          // meta().bytesPerVector() residual code bytes
 *       }
 *     }
 *     LeafTokens.Matrix m = leaf.matrix();          // doc-major, forward-only, one per thread
 *     DocCodes codes = m.codes(doc);                 // centroid ids + codes, or
 *     float[] tokens = m.decode(doc);                // tokenCount × cb.dim() floats
 *     TokenText text = leaf.tokenText(doc);          // token strings + offsets for explanations
 *   }
 *   index.searcher();                                // BM25 over "bm25", filters over "meta.*"
 * }
 * }</pre>
 *
 * {@link io.latte.indexer.read.LatteIndex#open} checks, in order: meta JSON (format version),
 * codebook file (SHA-256 from the meta, CRC32 footer), that meta and codebook agree, the last
 * commit's user data (format version, codebook SHA-256), and — when given — that the query encoder
 * is the index's model. Each failure names the file and what disagrees. Field names and the byte
 * layout are on {@link io.latte.indexer.format.LatteIndexFormat}; metadata key types for building
 * filters are in {@code commit().schema()}.
 */
package io.latte.indexer.read;
