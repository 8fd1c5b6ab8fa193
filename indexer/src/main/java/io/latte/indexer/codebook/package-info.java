/**
 * Compression of token vectors, ColBERTv2 / PLAID style: a token {@code v} is stored as the id of its
 * nearest centroid {@code c} plus the residual {@code v - c} quantised to 1, 2 or 4 bits per
 * dimension, optionally after a PCA {@link io.latte.indexer.codebook.Projection}.
 *
 * <ul>
 *   <li>{@link io.latte.indexer.codebook.CodebookTrainer} learns a {@link
 *       io.latte.indexer.codebook.Codebook} from a sample: projection, spherical {@link
 *       io.latte.indexer.codebook.KMeans}, per-dimension {@link
 *       io.latte.indexer.codebook.ResidualQuantizer}.
 *   <li>{@link io.latte.indexer.codebook.CentroidAssigner} assigns every token of the collection to
 *       a centroid while indexing: exact brute force on the SIMD kernel, or a two-level
 *       approximation for large centroid counts.
 *   <li>{@link io.latte.indexer.codebook.ResidualScorer} scores compressed tokens against a query
 *       token with per-byte lookup tables, without decompressing (WARP).
 *   <li>{@link io.latte.indexer.codebook.QuantizationError} measures how well a codebook still fits.
 * </ul>
 *
 * <p>Pure Java with no Lucene format code; the codebook's own small file format is documented on
 * {@link io.latte.indexer.codebook.Codebook}. Everything is deterministic for a given seed,
 * whatever the thread count.
 */
package io.latte.indexer.codebook;
