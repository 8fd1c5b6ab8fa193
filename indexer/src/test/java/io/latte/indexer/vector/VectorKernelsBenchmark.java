package io.latte.indexer.vector;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MaxSim of one query (32 tokens) against one document (300 tokens), SIMD vs scalar; {@code packed}
 * reuses a query packed once (what a searcher scoring many documents does). The command to run it
 * is in the {@code io.latte.indexer.codebook} package documentation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class VectorKernelsBenchmark {

  @Param({"panama", "scalar"})
  public String impl;

  @Param({"128", "384"})
  public int dim;

  @Param({"32"})
  public int queryTokens;

  @Param({"300"})
  public int docTokens;

  private Kernels kernels;
  private float[] query;
  private float[] doc;
  private PackedVectors packed;
  private final float[] out = new float[300];

  @Setup
  public void setup() {
    kernels = impl.equals("scalar") ? new ScalarKernels() : VectorKernels.tryPanama();
    Random r = new Random(1);
    query = new float[queryTokens * dim];
    doc = new float[docTokens * dim];
    for (int i = 0; i < query.length; i++) {
      query[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < doc.length; i++) {
      doc[i] = (float) r.nextGaussian();
    }
    packed = VectorKernels.pack(kernels, query, 0, queryTokens, dim);
  }

  @Benchmark
  public float maxSim() {
    return VectorKernels.maxSim(VectorKernels.pack(kernels, query, 0, queryTokens, dim), doc, docTokens);
  }

  @Benchmark
  public float maxSimPacked() {
    return VectorKernels.maxSim(packed, doc, docTokens);
  }

  /** One query token against all 300 document tokens (lane-reduction kernel). */
  @Benchmark
  public float dotMany() {
    kernels.dotMany(query, 0, doc, 0, docTokens, dim, out, 0);
    return out[7];
  }
}
