/**
 * MUVERA fixed-dimensional encodings (Dhulipala et al. 2024, "MUVERA: Multi-Vector Retrieval via
 * Fixed Dimensional Encodings"): one vector per document, built from its token vectors at index time,
 * whose inner product with a query's encoding estimates MaxSim. A single-vector index (Lucene HNSW)
 * then finds candidates that exact MaxSim re-ranks (the searcher's {@code muvera} mode).
 *
 * <ul>
 *   <li>{@link io.latte.indexer.muvera.FdeConfig}: repetitions, SimHash bits, inner projection,
 *       optional final count-sketch, seed; validated, JSON-friendly.
 *   <li>{@link io.latte.indexer.muvera.FixedDimensionalEncoder}: {@code encodeDocument} (bucket
 *       averages, empty buckets filled from the Hamming-nearest token) and {@code encodeQuery} (bucket
 *       sums). Random matrices come from the seed alone, so index and queries agree in any process.
 *   <li>{@link io.latte.indexer.muvera.MuveraField}: the adapter to the Lucene field the index writer
 *       adds ({@code KnnFloatVectorField}, maximum inner product, config in the field attributes).
 * </ul>
 *
 * Pure Java apart from that adapter; inputs are token vectors in the codebook's space (after the
 * index's PCA, if any; for documents, the float vectors before quantisation).
 *
 * <h2>Defaults, measured (2026-11-23)</h2>
 *
 * SciFact test (5183 documents, 1.39 M tokens, 300 queries), exhaustive MaxSim over the float token
 * vectors as the reference (nDCG@10 0.7326 with bge-small-en-v15-q, 0.7206 with all-minilm-l6-v2).
 * "R10@C" is the share of the exact top 10 among the C documents with the best encoding inner product
 * (brute force), "nDCG@C" nDCG@10 after exact re-ranking of those C, as a fraction of exact. Every row
 * is 1024 floats, Lucene's HNSW maximum, unless noted.
 *
 * <pre>
 * config (R, k_sim, d_proj)       bge: R10@100  nDCG@100  nDCG@200   MiniLM: R10@100  nDCG@100  nDCG@200
 * 64, 1, 8   (default)                 0.927     0.992     1.000             0.866     0.988     0.994
 * 32, 2, 8                             0.818     0.991     0.999             0.825     0.980     0.992
 * 16, 3, 8                             0.677     0.956     0.970             0.753     0.963     0.983
 *  8, 4, 8   (brief's example)         0.461     0.833     0.892             0.600     0.910     0.945
 *  4, 4, 16                            0.430     0.801     0.871
 * 16, 4, 8 → final 1024 (sketch)       0.423     0.791     0.860
 * 20, 5, 16  (paper, 10240 floats)     0.844     0.984     0.994             0.882     0.990     0.999
 * 128, 0, 8  (no partition)            0.974     1.000     1.000
 * </pre>
 *
 * At a fixed 1024 floats the budget is {@code R · 2^k · d_proj}: more SimHash buckets leave fewer
 * repetitions and a noisier 8-dimensional projection per bucket, and on these (non-ColBERT) token
 * vectors finer partitions did not pay for that: every step from k = 4 down to k = 1 improved both
 * models; a final count-sketch of a larger encoding lost more than it gained. The default keeps a
 * real partition (k = 1) rather than the best-scoring k = 0, which degenerates to a projected mean
 * of the tokens: on synthetic topic-mixture tokens (the searcher tests' {@code TopicEmbedder}, 1000
 * documents, 32-d) k = 0 was the worst setting (R10@50 0.69–0.71), k = 3 the best at 1024 floats
 * (0.88; default 0.79; the paper's 10240 floats 0.92), so an index of a model whose tokens keep
 * distinct meanings (ColBERT) may want more bits — the config is per index.
 *
 * <p>Through Lucene's HNSW (M = 16, beam = candidates) with the default on bge: R10 0.917 / 0.961 and
 * re-ranked nDCG@10 0.989 / 0.998 of exact at 100 / 200 candidates, ≈1 ms per HNSW search. Encoding
 * costs ≈1.3 ms per 270-token 384-d document (≈9 s for all of SciFact on the shared machine, under
 * 10 % of encoding it with the model) and ≈0.2 ms per query. Tokens are summed per bucket before
 * projecting (the projection is linear), which is what makes documents cheap. With the index's PCA to
 * 128 dimensions the default stays the best partitioned setting (nDCG@10 0.987 / 0.992 of exact at
 * 100 / 200 candidates, brute force). End-to-end numbers: the searcher's {@code io.latte.searcher.muvera}.
 *
 * <p>Correlation of {@code ⟨FDE(q), FDE(d)⟩} with Chamfer similarity on clustered random data (128-d,
 * 500 documents, 30 queries; {@code FixedDimensionalEncoderTest}): Spearman 0.63, Pearson 0.76,
 * exact top 10 within the encoding's top 50: 0.90 (the paper's 10240-float setting: 0.57 / 0.70 /
 * 0.87). Per-query Spearman over SciFact's 5183 documents: 0.81 (bge) and 0.78 (MiniLM).
 */
package io.latte.indexer.muvera;
