package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualQuantizerTest {

  /** Residual-like data: most dimensions narrow, a few outlier dimensions 10x wider and offset. */
  static float[] skewed(Random r, int rows, int dim) {
    float[] a = new float[rows * dim];
    for (int i = 0; i < rows; i++) {
      for (int d = 0; d < dim; d++) {
        boolean outlier = d % 32 == 5;
        double sigma = outlier ? 0.5 : 0.05 * (1 + (d % 7) / 7.0);
        double v = r.nextGaussian() * sigma + (outlier ? 0.3 : 0);
        a[i * dim + d] = (float) v;
      }
    }
    return a;
  }

  @Test
  void roundTripWithinPerDimensionBound() {
    Random r = new Random(20);
    for (int bits : new int[] {1, 2, 4}) {
      for (int dim : new int[] {128, 384}) {
        int rows = 3000;
        float[] x = skewed(r, rows, dim);
        ResidualQuantizer q =
            ResidualQuantizer.train(x, rows, dim, bits, ResidualQuantizer.Mode.PER_DIMENSION);
        assertEquals(dim * bits / 8, q.bytesPerVector());
        float[] row = new float[dim];
        for (int i = 0; i < rows; i++) {
          System.arraycopy(x, i * dim, row, 0, dim);
          float[] back = q.decode(q.encode(row));
          for (int d = 0; d < dim; d++) {
            float err = Math.abs(row[d] - back[d]);
            assertTrue(
                err <= q.errorBound(d) + 1e-6f,
                "bits " + bits + " dim " + d + " err " + err + " > bound " + q.errorBound(d));
          }
        }
      }
    }
  }

  @Test
  void perDimensionBeatsPooled() {
    Random r = new Random(21);
    int dim = 128;
    int rows = 8000;
    float[] train = skewed(r, rows, dim);
    float[] test = skewed(r, rows, dim);
    StringBuilder report = new StringBuilder();
    for (int bits : new int[] {1, 2, 4}) {
      double per = QuantizationError.residualError(
          ResidualQuantizer.train(train, rows, dim, bits, ResidualQuantizer.Mode.PER_DIMENSION), test, rows);
      double pooled = QuantizationError.residualError(
          ResidualQuantizer.train(train, rows, dim, bits, ResidualQuantizer.Mode.POOLED), test, rows);
      report.append(String.format("b=%d per-dim MSE %.5f pooled %.5f (ratio %.2f); ", bits, per, pooled, per / pooled));
      assertTrue(per < 0.6 * pooled, report.toString());
    }
    System.out.println("quantizer on skewed data: " + report);
  }

  @Test
  void packsMostSignificantBitsFirst() {
    // Two dimensions, 4 bits: cut-offs at 0.5, 1.5, ... so value v encodes as code v.
    int dim = 2;
    float[] cut = new float[dim * 15];
    float[] w = new float[dim * 16];
    for (int d = 0; d < dim; d++) {
      for (int j = 0; j < 15; j++) {
        cut[d * 15 + j] = j + 0.5f;
      }
      for (int j = 0; j < 16; j++) {
        w[d * 16 + j] = j;
      }
    }
    ResidualQuantizer q = new ResidualQuantizer(
        4, dim, ResidualQuantizer.Mode.PER_DIMENSION, cut, w, new float[] {0, 0}, new float[] {15, 15});
    byte[] codes = q.encode(new float[] {3, 12});
    assertEquals((byte) 0x3C, codes[0]);
    assertArrayEquals(new float[] {3, 12}, q.decode(codes));
  }

  @Test
  void rejectsBadBitsAndDims() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResidualQuantizer.train(new float[12 * 10], 10, 12, 1, ResidualQuantizer.Mode.PER_DIMENSION));
    assertEquals("dim must be a positive multiple of 8 / bits = 8 (bits=1), got 12", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ResidualQuantizer.train(new float[16], 1, 16, 3, ResidualQuantizer.Mode.PER_DIMENSION));
    assertEquals("bits must be 1, 2 or 4, got 3", e.getMessage());
  }
}
