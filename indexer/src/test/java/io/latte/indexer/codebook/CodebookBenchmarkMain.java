package io.latte.indexer.codebook;

import io.latte.indexer.vector.VectorKernels;
import java.util.Locale;
import java.util.Random;

/**
 * Seconds-long measurements that JMH would only slow down: centroid assignment throughput (exact and
 * two-level, with agreement) and k-means training time. Synthetic data: a mixture of 2048 planted
 * directions with noise (cos to its centre ≈ 0.7), unit vectors.
 *
 * <p>Run (after {@code mvn -pl indexer test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test}):
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx6g \
 *   -cp indexer/target/test-classes:indexer/target/classes:$(cat indexer/target/test-classpath.txt) \
 *   io.latte.indexer.codebook.CodebookBenchmarkMain [assign] [twolevel] [kmeans] [threads=2]
 * </pre>
 */
public final class CodebookBenchmarkMain {

  private CodebookBenchmarkMain() {}

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    int threads = 2;
    boolean all = true;
    boolean assign = false;
    boolean twoLevel = false;
    boolean kmeans = false;
    for (String a : args) {
      if (a.startsWith("threads=")) {
        threads = Integer.parseInt(a.substring(8));
        continue;
      }
      all = false;
      assign |= a.equals("assign");
      twoLevel |= a.equals("twolevel");
      kmeans |= a.equals("kmeans");
    }
    System.out.println("kernels: " + VectorKernels.implementationName() + ", threads: " + threads);
    if (all || assign) {
      for (int dim : new int[] {384, 128}) {
        for (int k : new int[] {4096, 16384}) {
          exactThroughput(dim, k, threads);
        }
      }
    }
    if (all || twoLevel) {
      for (int dim : new int[] {384, 128}) {
        for (int k : new int[] {4096, 16384}) {
          twoLevel(dim, k, threads);
        }
      }
    }
    if (all || kmeans) {
      for (int dim : new int[] {384, 128}) {
        kmeans(dim, 1 << 17, 4096, 10, threads);
      }
    }
  }

  static float[] mixture(long seed, int rows, int dim) {
    return TestData.clustered(new Random(seed), 2048, (rows + 2047) / 2048, dim, 1.0, null, null);
  }

  private static void exactThroughput(int dim, int k, int threads) {
    Random r = new Random(1);
    float[] c = TestData.gaussian(r, k, dim, 1);
    TestData.normalizeRows(c, k, dim);
    int n = k >= 16384 ? 1 << 15 : 1 << 16;
    float[] x = TestData.gaussian(r, n, dim, 1);
    CentroidAssigner a = CentroidAssigner.exact(c, k, dim, threads);
    int[] out = new int[n];
    float[] sim = new float[n];
    a.assign(x, n, out, sim); // warm-up
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 3; rep++) {
      long t = System.nanoTime();
      a.assign(x, n, out, sim);
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    System.out.printf(
        "exact assign dim=%d K=%d: %.0f vectors/s (%.1f GFLOP/s); 1.3M tokens: %.1f s%n",
        dim, k, n / best, 2.0 * n * k * dim / best / 1e9, 1.3e6 / (n / best));
  }

  private static void twoLevel(int dim, int k, int threads) {
    int trainRows = Math.max(1 << 16, 4 * k);
    float[] train = mixture(2, trainRows, dim);
    KMeans.Result km =
        KMeans.train(train, trainRows, dim,
            KMeans.Options.defaults(k).withIterations(4).withThreads(threads), null);
    int n = 1 << 15;
    float[] x = heldOut(dim, n); // same centres as the training mixture, fresh noise
    int[] exact = new int[n];
    float[] exactSim = new float[n];
    CentroidAssigner ex = CentroidAssigner.exact(km.centroids(), k, dim, threads);
    ex.assign(x, n, exact, exactSim);
    long t0 = System.nanoTime();
    ex.assign(x, n, exact, exactSim);
    double exactSec = (System.nanoTime() - t0) / 1e9;
    for (int probes : new int[] {4, 8, 16}) {
      long tb = System.nanoTime();
      CentroidAssigner two = CentroidAssigner.twoLevel(km.centroids(), k, dim, 0, probes, 1, threads);
      double buildSec = (System.nanoTime() - tb) / 1e9;
      int[] got = new int[n];
      float[] sim = new float[n];
      two.assign(x, n, got, sim);
      double best = Double.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        long t = System.nanoTime();
        two.assign(x, n, got, sim);
        best = Math.min(best, (System.nanoTime() - t) / 1e9);
      }
      int same = 0;
      double lost = 0;
      for (int i = 0; i < n; i++) {
        same += got[i] == exact[i] ? 1 : 0;
        lost += exactSim[i] - sim[i];
      }
      System.out.printf(
          "two-level dim=%d K=%d groups=%d probes=%d: %.0f vectors/s (exact %.0f, x%.1f), agreement %.4f,"
              + " mean similarity lost %.5f, build %.1f s%n",
          dim, k, TwoLevelCentroidAssigner.defaultGroups(k), probes, n / best, n / exactSec,
          exactSec / best, (double) same / n, lost / n, buildSec);
    }
  }

  /** Fresh vectors around the same 2048 centres as {@code mixture(2, ...)}. */
  private static float[] heldOut(int dim, int n) {
    Random r = new Random(2);
    float[] centres = TestData.gaussian(r, 2048, dim, 1);
    TestData.normalizeRows(centres, 2048, dim);
    Random noise = new Random(99);
    float[] x = new float[n * dim];
    for (int i = 0; i < n; i++) {
      int c = noise.nextInt(2048);
      for (int d = 0; d < dim; d++) {
        x[i * dim + d] = centres[c * dim + d] + (float) (noise.nextGaussian() / Math.sqrt(dim));
      }
    }
    TestData.normalizeRows(x, n, dim);
    return x;
  }

  private static void kmeans(int dim, int rows, int k, int iterations, int threads) {
    float[] x = mixture(4, rows, dim);
    long t = System.nanoTime();
    long[] last = {t};
    StringBuilder its = new StringBuilder();
    KMeans.Result res =
        KMeans.train(x, rows, dim,
            KMeans.Options.defaults(k).withIterations(iterations).withThreads(threads),
            (it, inertia) -> {
              long now = System.nanoTime();
              its.append(String.format(" %d:%.2fs/%.4f", it, (now - last[0]) / 1e9, inertia));
              last[0] = now;
            });
    double sec = (System.nanoTime() - t) / 1e9;
    System.out.printf(
        "k-means dim=%d rows=%d K=%d iterations=%d threads=%d: %.1f s, final inertia %.4f;%s%n",
        dim, rows, k, iterations, threads, sec, res.inertia(), its);
  }
}
