/**
 * latte as an OpenSearch plugin.
 *
 * <p>{@link io.latte.opensearch.LattePlugin} registers four things: the index setting {@value
 * io.latte.opensearch.LatteSettings#CODEBOOK_KEY} naming the index's codebook (a file in each node's
 * {@code config/latte/} folder, see {@link io.latte.opensearch.Codebooks}); the field type {@code
 * late_interaction} ({@link io.latte.opensearch.LateInteractionFieldMapper}), whose documents carry
 * precomputed token vectors that are compressed with that codebook into latte's Lucene fields; the
 * {@code late_interaction} query ({@link io.latte.opensearch.LateInteractionQueryBuilder}), which runs
 * latte's token retrieval and exact MaxSim re-scoring on each shard; and, for indices with a codebook,
 * a codec ({@link io.latte.opensearch.LatteCodecService}) writing the token field with the postings
 * format latte's own {@code IndexWriter} uses.
 */
package io.latte.opensearch;
