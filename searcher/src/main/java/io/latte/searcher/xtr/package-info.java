/**
 * The stages of XTR/WARP token retrieval, each usable and testable alone: centroid selection, the
 * probe plan, the token scan (in-memory cluster blocks of each segment's centroid postings, scored
 * with the fast-scan kernel: SIMD through the Vector API or scalar, bit-identical), k'-th-best
 * tracking (a running histogram bound while scanning, exact selection after), and
 * missing-similarity imputation. See the {@link io.latte.searcher} package documentation for the
 * whole pipeline.
 *
 * <p>Kernel benchmark (JMH, SIMD against scalar, cache-resident and streamed): {@code mvn -pl searcher
 * test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * -Dmdep.includeScope=test}, then {@code java --add-modules jdk.incubator.vector -cp
 * searcher/target/test-classes:searcher/target/classes:$(cat searcher/target/test-classpath.txt)
 * org.openjdk.jmh.Main FastScanBenchmark}; results in docs/BENCHMARKS.md §4c.
 */
package io.latte.searcher.xtr;
