package io.latte.searcher.xtr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The small stages against brute force on random data. */
class StagesTest {
  @Test
  void kthLargestMatchesSorting() {
    Random r = new Random(1);
    // Short streams, ties, values gated by the threshold as the retriever does.
    kthRounds(r, 200, 20, 100, (round, i) -> r.nextInt(30) / 3f, true);
    // Long streams (many buffer compactions), ties or not, every value offered.
    kthRounds(r, 50, 300, 5000, (round, i) -> round % 2 == 0 ? r.nextInt(50) : (float) r.nextGaussian(), false);
    // k larger than the growing buffer's first size: the buffer doubles, then compacts (k' = 10^6 on a
    // small shard allocates only what arrives).
    kthRounds(r, 20, 5000, 20000, (round, i) -> (float) r.nextGaussian(), false);
    kthRounds(r, 5, 1_000_000, 3000, (round, i) -> r.nextInt(100), true);
    assertThrows(IllegalArgumentException.class, () -> new KthLargest(0));
    // k above the initial buffer: the buffer grows (k' up to 3000 over up to 8000 values)
    kthRounds(r, 4, 3000, 8000, (round, i) -> (float) r.nextGaussian(), false);
  }

  /** Memory follows the values offered, not k' (a request once asked for k' = 10^7: 80 MB per query token). */
  @Test
  void kthLargestAllocatesByValuesNotByK() {
    var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    KthLargest kth = new KthLargest(10_000_000);
    for (int i = 0; i < 1000; i++) {
      kth.offer(i);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertEquals(0f, kth.value());
    assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes");
  }

  interface Values {
    float next(int round, int i);
  }

  private static void kthRounds(Random r, int rounds, int maxK, int maxN, Values values, boolean gated) {
    for (int round = 0; round < rounds; round++) {
      int k = 1 + r.nextInt(maxK);
      int n = r.nextInt(maxN);
      float[] v = new float[n];
      KthLargest kth = new KthLargest(k);
      for (int i = 0; i < n; i++) {
        v[i] = values.next(round, i);
        if (!gated || v[i] > kth.threshold()) {
          kth.offer(v[i]);
        }
        if (!gated) {
          assertTrue(kth.threshold() <= kth.value(), "the threshold never passes the value");
        }
      }
      Arrays.sort(v);
      float expected = n == 0 ? Float.NEGATIVE_INFINITY : v[Math.max(0, n - k)];
      assertEquals(expected, kth.value(), "k=" + k + " n=" + n);
    }
  }

  @Test
  void topIndicesMatchesSorting() {
    Random r = new Random(2);
    for (int round = 0; round < 200; round++) {
      int n = 1 + r.nextInt(300);
      float[] v = new float[n];
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        v[i] = r.nextInt(20);
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> v[a] != v[b] ? Float.compare(v[b], v[a]) : Integer.compare(a, b));
      int k = 1 + r.nextInt(n + 3);
      int[] expected = Arrays.stream(order).limit(Math.min(k, n)).mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, TopIndices.of(v, k));
    }
  }

  @Test
  void tokenMaximaKeepsTheBestPerDocAndQueryToken() {
    Random r = new Random(3);
    int nq = 4;
    TokenMaxima m = new TokenMaxima(nq, 2); // tiny initial capacity: exercises growth and rehash
    float[][] truth = new float[500][nq];
    int[][] pos = new int[500][nq];
    for (float[] row : truth) {
      Arrays.fill(row, Float.NEGATIVE_INFINITY);
    }
    for (int i = 0; i < 5000; i++) {
      int doc = r.nextInt(500);
      int q = r.nextInt(nq);
      float s = r.nextFloat();
      int p = r.nextInt(50);
      m.accept(doc * 7, q, s, p);
      if (s > truth[doc][q]) {
        truth[doc][q] = s;
        pos[doc][q] = p;
      }
    }
    for (int row = 0; row < m.size(); row++) {
      int doc = m.doc(row) / 7;
      for (int q = 0; q < nq; q++) {
        assertEquals(truth[doc][q], m.max(row, q));
        assertEquals(truth[doc][q] == Float.NEGATIVE_INFINITY ? -1 : pos[doc][q], m.argmax(row, q));
      }
    }
  }

  @Test
  void imputationRules() {
    var xtr = new MissingSimilarityImputer.KPrime(10);
    assertEquals(0.5f, xtr.combine(Float.NEGATIVE_INFINITY, 0.5f));
    assertEquals(0.5f, xtr.combine(0.4f, 0.5f), "below the k'-th: counts as not retrieved");
    assertEquals(0.7f, xtr.combine(0.7f, 0.5f));
    var warp = new MissingSimilarityImputer.ClusterMass(100);
    assertEquals(0.4f, warp.combine(0.4f, 0.5f), "WARP keeps what was retrieved");
    // Cluster sizes 60, 50, 10 in score order 0.9, 0.8, 0.1: cumulative passes t'=100 at the second.
    var probes = new CentroidSelector.Probes(new int[][] {{0}}, new float[][] {{0.9f}},
        new float[] {0.9f, 0.8f, 0.1f}, 3);
    long[] sizes = {60, 50, 10};
    assertEquals(0.8f, warp.missingValues(probes, new KthLargest[] {new KthLargest(1)}, c -> sizes[c])[0]);
  }
}
