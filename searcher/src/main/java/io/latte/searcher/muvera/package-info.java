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
 * <p>Measured end to end on SciFact (test, 300 queries; a latte index of bge-small-en-v15-q vectors,
 * 4096 centroids, 2-bit residuals, default encoding; k = 10; 2 shared cores, one run, 2026-11-23):
 *
 * <pre>
 * mode (candidates)   nDCG@10   × exact   ms/query   speed-up vs exact
 * exact               0.7260    1         1104       1
 * muvera (100)        0.7249    0.998     26         42×
 * muvera (200, default) 0.7264  1.001     47         23×
 * colbert (200)       0.7260    1         85         13×
 * </pre>
 *
 * The time is almost all exact re-scoring (≈0.22 ms per candidate: decompression + MaxSim); the HNSW
 * search takes ≈2 ms. With the index's PCA to 128 dimensions: exact 0.6977 in 371 ms; muvera 0.6789
 * (0.973×, 35×) at 100 candidates and 0.6876 (0.986×, 21×) at 200.
 */
package io.latte.searcher.muvera;
