package io.latte.indexer.codebook;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** LUT scoring of compressed tokens: table build per query token, and tokens scored per second. */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ResidualScorerBenchmark {

  static final int TOKENS = 4096;

  @Param({"2"})
  public int bits;

  @Param({"128", "384"})
  public int dim;

  private ResidualScorer scorer;
  private float[] query;
  private byte[] codes;
  private final float[] out = new float[TOKENS];

  @Setup
  public void setup() {
    Random r = new Random(1);
    float[] residuals = TestData.gaussian(r, 2000, dim, 0.1);
    ResidualQuantizer q =
        ResidualQuantizer.train(residuals, 2000, dim, bits, ResidualQuantizer.Mode.PER_DIMENSION);
    scorer = new ResidualScorer(q);
    query = TestData.gaussian(r, 1, dim, 1);
    scorer.setQuery(query, 0);
    codes = new byte[TOKENS * q.bytesPerVector()];
    r.nextBytes(codes);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ResidualScorer buildTables() {
    scorer.setQuery(query, 0);
    return scorer;
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(TOKENS)
  public float[] scoreTokens() {
    scorer.scoreMany(codes, 0, TOKENS, out, 0);
    return out;
  }
}
