package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KMeansTest {

  @Test
  void recoversWellSeparatedPlantedClusters() {
    int clusters = 20;
    int dim = 64;
    float[] centres = new float[clusters * dim];
    int[] labels = new int[clusters * 100];
    // Noise 0.1: |x - centre|² ≈ 0.01, against ≈ 2 between random centres.
    float[] x = TestData.clustered(new Random(1), clusters, 100, dim, 0.1, centres, labels);
    // Random-sample init can seed two centroids in one cluster and none in another (a local minimum
    // Lloyd cannot leave), so planted recovery is a k-means++ property.
    for (KMeans.Init init : new KMeans.Init[] {KMeans.Init.KMEANS_PLUS_PLUS}) {
      List<Double> inertias = new ArrayList<>();
      KMeans.Result res =
          KMeans.train(
              x, labels.length, dim,
              KMeans.Options.defaults(clusters).withInit(init).withIterations(15),
              (it, inertia) -> inertias.add(inertia));
      assertEquals(15, inertias.size());
      // Every planted centre has a centroid within cos 0.98, and the clusters are pure.
      Set<Integer> used = new HashSet<>();
      for (int c = 0; c < clusters; c++) {
        int best = -1;
        double bestSim = -2;
        for (int j = 0; j < clusters; j++) {
          double s = TestData.dot(centres, c * dim, res.centroids(), j * dim, dim);
          if (s > bestSim) {
            bestSim = s;
            best = j;
          }
        }
        assertTrue(bestSim > 0.98, init + ": centre " + c + " best cos " + bestSim);
        used.add(best);
        for (int i = c; i < labels.length; i += clusters) {
          assertEquals(best, res.assignments()[i], init + ": vector " + i);
        }
      }
      assertEquals(clusters, used.size());
      // Unit centroids.
      for (int j = 0; j < clusters; j++) {
        assertEquals(1.0, TestData.dot(res.centroids(), j * dim, res.centroids(), j * dim, dim), 1e-5);
      }
      assertTrue(inertias.get(inertias.size() - 1) <= inertias.get(0) + 1e-9, inertias.toString());
    }
  }

  @Test
  void deterministicForSeedWhateverTheThreadCount() {
    int dim = 32;
    float[] x = TestData.clustered(new Random(2), 50, 60, dim, 1.0, null, null);
    for (KMeans.Init init : KMeans.Init.values()) {
      KMeans.Options o = KMeans.Options.defaults(40).withInit(init).withSeed(7).withIterations(5);
      KMeans.Result one = KMeans.train(x, 3000, dim, o.withThreads(1), null);
      KMeans.Result two = KMeans.train(x, 3000, dim, o.withThreads(2), null);
      KMeans.Result three = KMeans.train(x, 3000, dim, o.withThreads(3), null);
      assertArrayEquals(one.centroids(), two.centroids());
      assertArrayEquals(one.centroids(), three.centroids());
      assertArrayEquals(one.assignments(), three.assignments());
      KMeans.Result otherSeed = KMeans.train(x, 3000, dim, o.withSeed(8), null);
      assertTrue(!java.util.Arrays.equals(one.centroids(), otherSeed.centroids()));
    }
  }

  @Test
  void repairsEmptyClusters() {
    // 12 distinct points, each repeated 25 times: a random init almost surely draws duplicates,
    // leaving clusters empty; repair must end with every distinct point its own centroid.
    int dim = 16;
    int distinct = 12;
    float[] points = TestData.gaussian(new Random(3), distinct, dim, 1);
    TestData.normalizeRows(points, distinct, dim);
    int rows = distinct * 25;
    float[] x = new float[rows * dim];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(points, (i % distinct) * dim, x, i * dim, dim);
    }
    KMeans.Result res = KMeans.train(x, rows, dim, KMeans.Options.defaults(distinct).withSeed(5), null);
    int[] size = new int[distinct];
    for (int a : res.assignments()) {
      size[a]++;
    }
    for (int s : size) {
      assertEquals(25, s);
    }
    assertEquals(0.0, res.inertia(), 1e-5);
  }

  @Test
  void rejectsMoreCentroidsThanVectors() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KMeans.train(new float[10 * 4], 10, 4, KMeans.Options.defaults(11), null));
    assertTrue(e.getMessage().contains("k must be <= the number of vectors (10), got 11"), e.getMessage());
  }
}
