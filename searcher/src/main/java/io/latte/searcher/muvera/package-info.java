/**
 * The stages of {@code muvera} search (Dhulipala et al. 2024, "MUVERA: Multi-Vector Retrieval via
 * Fixed Dimensional Encodings"): each document was indexed with one fixed-dimensional encoding of its
 * token vectors ({@link io.latte.indexer.muvera}) in a Lucene HNSW field. A query is encoded the
 * same way ({@link io.latte.searcher.muvera.MuveraEncoders} rebuilds the index's encoder from the
 * field's attributes), {@link io.latte.searcher.muvera.FdeCandidates} finds the {@code candidates}
 * documents with the largest encoding inner product (an estimate of MaxSim), and the searcher
 * re-scores them with exact MaxSim over their decompressed token matrices — the same scorer, and the
 * same explanations, as {@code colbert} and {@code exact}.
 *
 * <p>Measured on SciFact (see {@link io.latte.indexer.muvera}): with the default encoding, the exact
 * MaxSim top 10 is 92 % inside the HNSW top 100 and 96 % inside the top 200, and re-ranked nDCG@10 is
 * 0.989 / 0.998 of exhaustive MaxSim.
 */
package io.latte.searcher.muvera;
