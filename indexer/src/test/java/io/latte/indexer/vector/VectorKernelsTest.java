package io.latte.indexer.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** SIMD kernels against the scalar reference (itself checked against double precision). */
class VectorKernelsTest {

  private static final int[] DIMS = {1, 7, 16, 33, 100, 128, 384};
  private static final Kernels SCALAR = new ScalarKernels();
  private static final Kernels SIMD = VectorKernels.tryPanama();

  private static float[] random(Random r, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) r.nextGaussian();
    }
    return a;
  }

  /** Exact-ish dot in double plus the magnitude that bounds float rounding error. */
  private static double[] exact(float[] a, int aOff, float[] b, int bOff, int dim) {
    double s = 0;
    double mag = 0;
    for (int k = 0; k < dim; k++) {
      double p = (double) a[aOff + k] * b[bOff + k];
      s += p;
      mag += Math.abs(p);
    }
    return new double[] {s, mag};
  }

  private static void assertClose(double[] exact, float actual, String what) {
    double tol = 1e-5 * exact[1] + 1e-6;
    assertTrue(
        Math.abs(exact[0] - actual) <= tol,
        what + ": expected " + exact[0] + " ± " + tol + ", got " + actual);
  }

  @Test
  void simdIsAvailableWithTheModule() {
    // The build always runs tests with --add-modules jdk.incubator.vector.
    assertNotNull(SIMD, "Panama kernels should load in tests");
    assertEquals(SIMD.name(), VectorKernels.implementationName());
  }

  @Test
  void dotMatchesReference() {
    Random r = new Random(42);
    for (Kernels k : new Kernels[] {SCALAR, SIMD}) {
      for (int dim : DIMS) {
        for (int rep = 0; rep < 20; rep++) {
          float[] a = random(r, dim + 3);
          float[] b = random(r, dim + 5);
          assertClose(exact(a, 3, b, 5, dim), k.dot(a, 3, b, 5, dim), k.name() + " dim " + dim);
        }
      }
    }
  }

  @Test
  void dotManyMatchesReference() {
    Random r = new Random(43);
    for (Kernels k : new Kernels[] {SCALAR, SIMD}) {
      for (int dim : DIMS) {
        for (int rows : new int[] {0, 1, 3, 4, 9}) {
          float[] q = random(r, dim);
          float[] m = random(r, rows * dim + 2);
          float[] out = new float[rows + 1];
          k.dotMany(q, 0, m, 2, rows, dim, out, 1);
          for (int i = 0; i < rows; i++) {
            assertClose(exact(q, 0, m, 2 + i * dim, dim), out[1 + i], k.name() + " row " + i);
          }
        }
      }
    }
  }

  @Test
  void maxSimPerTokenMatchesBruteForce() {
    Random r = new Random(44);
    for (Kernels k : new Kernels[] {SCALAR, SIMD}) {
      for (int dim : DIMS) {
        for (int qt : new int[] {1, 3, 32, 37}) {
          for (int dt : new int[] {1, 2, 5, 300}) {
            float[] q = random(r, qt * dim);
            float[] d = random(r, dt * dim);
            PackedVectors packed = VectorKernels.pack(k, q, 0, qt, dim);
            float[] max = new float[qt];
            int[] arg = new int[qt];
            float sum = VectorKernels.maxSimPerToken(packed, d, dt, max, arg);
            double expectedSum = 0;
            double sumMag = 0;
            float checkSum = 0f;
            for (int i = 0; i < qt; i++) {
              double bestExact = Double.NEGATIVE_INFINITY;
              double bestMag = 0;
              for (int j = 0; j < dt; j++) {
                double[] e = exact(q, i * dim, d, j * dim, dim);
                if (e[0] > bestExact) {
                  bestExact = e[0];
                  bestMag = e[1];
                }
              }
              String what = k.name() + " dim " + dim + " qt " + qt + " dt " + dt + " i " + i;
              assertClose(new double[] {bestExact, bestMag}, max[i], what);
              // The argmax row really scores the reported max (within rounding).
              assertClose(exact(q, i * dim, d, arg[i] * dim, dim), max[i], what + " argmax");
              expectedSum += bestExact;
              sumMag += bestMag;
              checkSum += max[i];
            }
            assertClose(new double[] {expectedSum, sumMag}, sum, "sum");
            assertEquals(checkSum, sum, 0f, "sum of per-token maxima is the score, bit for bit");
            assertEquals(sum, VectorKernels.maxSim(packed, d, dt), 0f);
          }
        }
      }
    }
  }

  @Test
  void blockedAccumulationEqualsOneCallAndTiesKeepLowestIndex() {
    Random r = new Random(45);
    int dim = 100;
    int rows = 23;
    float[] q = random(r, 19 * dim);
    float[] d = random(r, rows * dim);
    // Duplicate row 4 as row 17: ties must report 4.
    System.arraycopy(d, 4 * dim, d, 17 * dim, dim);
    for (Kernels k : new Kernels[] {SCALAR, SIMD}) {
      PackedVectors p = VectorKernels.pack(k, q, 0, 19, dim);
      MaxDotAccumulator one = new MaxDotAccumulator(p);
      one.accept(d, 0, rows);
      MaxDotAccumulator parts = new MaxDotAccumulator(p);
      parts.accept(d, 0, 5);
      parts.accept(d, 5, 6);
      parts.accept(d, 6, rows);
      for (int i = 0; i < 19; i++) {
        assertEquals(one.best(i), parts.best(i), 0f);
        assertEquals(one.bestIndex(i), parts.bestIndex(i));
        assertTrue(one.bestIndex(i) != 17, "tie must keep the lower index");
      }
    }
  }

  @Test
  void dotMatrixMatchesReferenceAndMaxDotBitForBit() {
    Random r = new Random(46);
    for (Kernels k : new Kernels[] {SCALAR, SIMD}) {
      for (int dim : DIMS) {
        for (int packedRows : new int[] {1, 31, 33}) {
          int rows = 11;
          float[] a = random(r, packedRows * dim);
          float[] b = random(r, (rows + 2) * dim);
          PackedVectors p = VectorKernels.pack(k, a, 0, packedRows, dim);
          int stride = p.paddedRows() + 3;
          float[] out = new float[rows * stride + 5];
          VectorKernels.dotMatrix(p, b, 2, 2 + rows, out, 5, stride);
          MaxDotAccumulator acc = new MaxDotAccumulator(p);
          acc.accept(b, 2, 2 + rows);
          for (int i = 0; i < packedRows; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < rows; j++) {
              float v = out[5 + j * stride + i];
              assertClose(exact(a, i * dim, b, (2 + j) * dim, dim), v, k.name() + " dim " + dim);
              max = Math.max(max, v);
            }
            assertEquals(acc.best(i), max, 0f, "same arithmetic as maxDot");
          }
        }
      }
    }
  }

  @Test
  void addToIsElementwiseAndIdenticalAcrossImplementations() {
    Random r = new Random(44);
    for (int len : new int[] {0, 1, 7, 16, 33, 384}) {
      float[] v = random(r, len + 3);
      float[] acc = random(r, len + 2);
      float[] scalar = acc.clone();
      float[] simd = acc.clone();
      SCALAR.addTo(v, 3, scalar, 2, len);
      SIMD.addTo(v, 3, simd, 2, len);
      for (int i = 0; i < acc.length; i++) {
        float expected = i < 2 ? acc[i] : acc[i] + v[i + 1];
        assertEquals(expected, scalar[i], 0f, "scalar len " + len + " at " + i);
        assertEquals(expected, simd[i], 0f, "simd len " + len + " at " + i);
      }
    }
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> VectorKernels.addTo(new float[4], 1, new float[8], 0, 4));
    assertTrue(e.getMessage().startsWith("v must hold"), e.getMessage());
  }

  @Test
  void emptyDocumentScoresZero() {
    float[] max = {9f};
    int[] arg = {9};
    assertEquals(0f, VectorKernels.maxSimPerToken(new float[4], 1, new float[0], 0, 4, max, arg));
    assertEquals(0f, max[0]);
    assertEquals(-1, arg[0]);
  }

  @Test
  void badArgumentsNameTheParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> VectorKernels.maxSim(new float[10], 2, new float[10], 2, 6));
    assertTrue(e.getMessage().startsWith("queryFlat"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> VectorKernels.dot(new float[3], new float[4]));
    assertTrue(e.getMessage().contains("b.length"), e.getMessage());
    e = assertThrows(
        IllegalArgumentException.class,
        () -> VectorKernels.dotMany(new float[4], new float[8], 2, 0, new float[2]));
    assertTrue(e.getMessage().contains("dim"), e.getMessage());
  }
}
