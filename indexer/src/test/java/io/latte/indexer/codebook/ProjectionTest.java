package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionTest {

  @Test
  void eigenDecompositionOfRandomSymmetricMatrix() {
    Random r = new Random(30);
    for (int n : new int[] {1, 2, 5, 64, 200}) {
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
          a[i][j] = a[j][i] = r.nextGaussian();
        }
      }
      SymmetricEigen e = SymmetricEigen.of(a);
      double scale = 0;
      for (double v : e.values) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          assertTrue(e.values[i] <= e.values[i - 1], "descending");
        }
        // A v = λ v
        for (int k = 0; k < n; k++) {
          double av = 0;
          for (int j = 0; j < n; j++) {
            av += a[k][j] * e.vectors[j][i];
          }
          assertEquals(e.values[i] * e.vectors[k][i], av, 1e-9 * scale * n, "n " + n + " col " + i);
        }
        // Orthonormal columns.
        for (int j = i; j < n; j++) {
          double s = 0;
          for (int k = 0; k < n; k++) {
            s += e.vectors[k][i] * e.vectors[k][j];
          }
          assertEquals(i == j ? 1 : 0, s, 1e-10);
        }
      }
    }
  }

  @Test
  void recoversLowRankDataAndPreservesDotProducts() {
    Random r = new Random(31);
    int in = 96;
    int rank = 12;
    int rows = 4000;
    // x = B z with B (in x rank) random and z random: all energy in a 12-d subspace, plus an offset
    // along the mean so that an uncentred decomposition is needed to keep it.
    float[] basis = TestData.gaussian(r, rank, in, 1);
    float[] x = new float[rows * in];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < rank; j++) {
        float z = (float) (r.nextGaussian() + (j == 0 ? 3 : 0));
        for (int d = 0; d < in; d++) {
          x[i * in + d] += z * basis[j * in + d];
        }
      }
    }
    Projection p = Projection.learn(x, rows, in, rank, 2);
    assertEquals(1.0, p.energyKept(x, rows), 1e-5);
    float[] y = p.applyAll(x, rows);
    for (int t = 0; t < 200; t++) {
      int a = r.nextInt(rows);
      int b = r.nextInt(rows);
      double orig = TestData.dot(x, a * in, x, b * in, in);
      double proj = TestData.dot(y, a * rank, y, b * rank, rank);
      assertEquals(orig, proj, 1e-4 * (1 + Math.abs(orig)));
    }
    // Fewer dimensions than the rank lose energy, but keep the strongest directions.
    Projection small = Projection.learn(x, rows, in, 4, 1);
    double kept = small.energyKept(x, rows);
    assertTrue(kept > 0.5 && kept < 0.999, "kept " + kept);
    // Deterministic whatever the thread count.
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        small.matrix(), Projection.learn(x, rows, in, 4, 3).matrix());
  }

  @Test
  void rejectsNonOrthonormalMatrix() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Projection(new float[] {1, 1, 0, 0, 0, 1}, 3, 2));
    assertTrue(e.getMessage().contains("orthonormal"), e.getMessage());
  }
}
