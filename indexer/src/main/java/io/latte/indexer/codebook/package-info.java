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
 * <h2>Measured (2026-11-23, AMD EPYC with AVX-512, 2 vCPUs shared with another build, JDK 25)</h2>
 *
 * <p>Synthetic unit vectors; a single thread already runs the kernels at ~150–170 GFLOP/s, and with
 * the second core busy, 2 threads measured the same as 1.
 *
 * <ul>
 *   <li>Exact assignment (vectors/s): 384-d: K=4096 ≈ 51 000, K=16384 ≈ 12 800; 128-d: K=4096 ≈
 *       158 000, K=16384 ≈ 40 000. For 1.3 M tokens: 25 s, 101 s, 8 s, 32 s.
 *   <li>Two-level assignment, default √K groups, on a 2048-direction mixture (agreement with exact
 *       depends on the data; measure it on real tokens): 384-d K=16384, 8 probes: 111 000 vectors/s
 *       (7.4× exact), 98.6 % agreement; 16 probes: 64 000/s (4.2×), 99.5 %. 384-d K=4096, 8 probes:
 *       3.5×, 95.9 %. 128-d K=16384, 8 probes: 6.7×, 93.0 %; 16 probes: 3.7×, 97.2 %.
 *   <li>k-means, 2^17 vectors, K=4096, 10 iterations: 36 s at 384-d (≈2.6 s per steady iteration),
 *       10 s at 128-d.
 *   <li>{@link io.latte.indexer.codebook.ResidualScorer}, 2 bits: 31 M tokens/s at 384-d, 93 M/s at
 *       128-d; tables 13 µs (384-d) / 4.5 µs (128-d) per query token.
 * </ul>
 *
 * <p>Reproduce: {@code mvn -pl indexer test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test}, then with {@code
 * CP=indexer/target/test-classes:indexer/target/classes:$(cat indexer/target/test-classpath.txt)}:
 * {@code java --add-modules jdk.incubator.vector -cp $CP org.openjdk.jmh.Main
 * 'VectorKernelsBenchmark|ResidualScorerBenchmark'} (JMH) and {@code java --add-modules
 * jdk.incubator.vector -Xmx6g -cp $CP io.latte.indexer.codebook.CodebookBenchmarkMain} (assignment,
 * two-level, k-means).
 *
 * <p>Pure Java with no Lucene format code; the codebook's own small file format is documented on
 * {@link io.latte.indexer.codebook.Codebook}. Everything is deterministic for a given seed,
 * whatever the thread count.
 */
package io.latte.indexer.codebook;
