package io.latte.searcher.xtr;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fast-scan kernel, SIMD against scalar, in nanoseconds per token: over 16 blocks (96 KiB at
 * 96 code bytes, cache-resident) and over 4 096 blocks (24 MiB, streamed from memory as a query's
 * scan is). No token passes the threshold, so only the kernel is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FastScanBenchmark {
  @Param({"simd", "scalar"})
  public String kernel;

  /** 96 = 384 dims at 2 bits, 64 = 256 dims at 2 bits. */
  @Param({"96", "64"})
  public int bytes;

  @Param({"16", "4096"})
  public int blocks;

  private FastScanKernel impl;
  private byte[] codes;
  private byte[] tables;
  private final short[] sums = new short[FastScanKernel.BLOCK];

  @Setup(Level.Trial)
  public void setup() {
    impl = kernel.equals("simd") ? FastScan.kernel() : FastScan.scalar();
    Random r = new Random(7);
    codes = new byte[blocks * FastScanKernel.BLOCK * bytes];
    r.nextBytes(codes);
    tables = new byte[2 * bytes * 16 + FastScanKernel.TABLE_PADDING];
    for (int i = 0; i < 2 * bytes * 16; i++) {
      tables[i] = (byte) r.nextInt(128);
    }
  }

  /** One pass over every block: nanoseconds per token = the score / (blocks × 64). */
  @Benchmark
  public long scanAll() {
    long acc = 0;
    int stride = FastScanKernel.BLOCK * bytes;
    for (int b = 0; b < blocks; b++) {
      acc += impl.scoreBlock(codes, b * stride, bytes, tables, Short.MAX_VALUE, sums);
    }
    return acc;
  }
}
