/**
 * Dense float kernels for late interaction: dot products, batched dot products, MaxSim and
 * "best row per vector" search.
 *
 * <p>{@link io.latte.indexer.vector.VectorKernels} is the only public entry point. Like Lucene's
 * {@code VectorUtil}, it picks one implementation when the class is initialised: a SIMD one written
 * with the {@code jdk.incubator.vector} (Panama) API when that module is in the boot layer (start the
 * JVM with {@code --add-modules jdk.incubator.vector}), otherwise a scalar one, and logs why it fell
 * back. Both implementations agree up to float rounding; the tests check that on random data.
 *
 * <p>The heavy kernels (MaxSim, nearest-centroid search) use a "packed" layout for the side that is
 * reused: rows are interleaved in panels so that one SIMD register holds the same dimension of
 * several rows, and the other side is broadcast one float at a time. Every (row, row) dot product is
 * then an independent FMA chain over the dimensions in order, so no horizontal reduction is needed
 * per pair, and a block of several rows gives the same bits as a single row.
 *
 * <p>Measured with JMH ({@code VectorKernelsBenchmark}, AVX-512, one thread): MaxSim of 32 query
 * tokens × 300 document tokens takes 47 µs at 384-d (≈157 GFLOP/s; 41 µs with a pre-packed query)
 * against 1.6 ms scalar (34×), and 15.6 µs at 128-d against 0.41 ms (26×).
 */
package io.latte.indexer.vector;
