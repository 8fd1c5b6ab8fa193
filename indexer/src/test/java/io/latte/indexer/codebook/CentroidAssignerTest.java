package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CentroidAssignerTest {

  @Test
  void exactAgreesWithBruteForce() {
    Random r = new Random(10);
    for (int dim : new int[] {7, 100, 128}) {
      int k = 300;
      int n = 1100; // several blocks, a partial last block
      float[] c = TestData.gaussian(r, k, dim, 1);
      TestData.normalizeRows(c, k, dim);
      float[] x = TestData.gaussian(r, n, dim, 1);
      int[] got = new int[n];
      float[] sim = new float[n];
      CentroidAssigner.exact(c, k, dim, 2).assign(x, n, got, sim);
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double s = TestData.dot(x, i * dim, c, j * dim, dim);
          if (s > bestSim) {
            bestSim = s;
            best = j;
          }
        }
        assertEquals(best, got[i], "dim " + dim + " vector " + i);
        assertEquals(bestSim, sim[i], 1e-4);
      }
    }
  }

  static final double NOISE = Double.parseDouble(System.getProperty("noise", "1.0"));

  @Test
  void twoLevelAgreementGrowsWithProbes() {
    // Clustered data, centroids trained on it: the situation of a real index.
    int dim = 64;
    float[] x = TestData.clustered(new Random(11), 256, 40, dim, NOISE, null, null);
    int n = 256 * 40;
    int k = 1024;
    KMeans.Result km = KMeans.train(x, n, dim, KMeans.Options.defaults(k).withIterations(4).withThreads(2), null);
    int[] exact = new int[n];
    float[] exactSim = new float[n];
    CentroidAssigner.exact(km.centroids(), k, dim, 2).assign(x, n, exact, exactSim);
    double previous = 0;
    StringBuilder report = new StringBuilder();
    for (int probes : new int[] {1, 2, 4, 8}) {
      CentroidAssigner two = CentroidAssigner.twoLevel(km.centroids(), k, dim, 0, probes, 1, 2);
      int[] got = new int[n];
      float[] sim = new float[n];
      two.assign(x, n, got, sim);
      int same = 0;
      double lost = 0;
      for (int i = 0; i < n; i++) {
        same += got[i] == exact[i] ? 1 : 0;
        assertTrue(sim[i] <= exactSim[i] + 1e-6f);
        // The similarity reported is the true one for the centroid returned.
        assertEquals(TestData.dot(x, i * dim, km.centroids(), got[i] * dim, dim), sim[i], 1e-4);
        lost += exactSim[i] - sim[i];
      }
      double agreement = (double) same / n;
      report.append(String.format("probes=%d agreement=%.4f meanSimLost=%.5f; ", probes, agreement, lost / n));
      assertTrue(agreement >= previous - 1e-9, report.toString());
      previous = agreement;
    }
    System.out.println("two-level (k=1024, 32 groups, dim 64): " + report);
    assertTrue(previous >= 0.97, report.toString());
    // All groups probed = exact.
    CentroidAssigner all = CentroidAssigner.twoLevel(km.centroids(), k, dim, 32, 32, 1, 1);
    int[] got = new int[n];
    all.assign(x, n, got, null);
    assertArrayEquals(exact, got);
  }
}
