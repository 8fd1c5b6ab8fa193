package io.latte.searcher.xtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.codebook.ResidualQuantizer;
import io.latte.indexer.codebook.ResidualScorer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast-scan kernel, its tables and the running threshold against plain arithmetic on random data. */
class FastScanTest {
  private static final int BLOCK = FastScanKernel.BLOCK;

  @Test
  void simdKernelEqualsScalarKernel() {
    FastScanKernel simd = FastScan.kernel();
    FastScanKernel scalar = FastScan.scalar();
    Random r = new Random(3);
    for (int bytes : new int[] {4, 48, 96}) {
      int cap = Math.min(127, Short.MAX_VALUE / (2 * bytes));
      byte[] codes = new byte[3 * BLOCK * bytes];
      r.nextBytes(codes);
      byte[] tables = new byte[2 * bytes * 16 + FastScanKernel.TABLE_PADDING];
      for (int i = 0; i < 2 * bytes * 16; i++) {
        tables[i] = (byte) r.nextInt(cap + 1);
      }
      short[] a = new short[BLOCK];
      short[] b = new short[BLOCK];
      for (int block = 0; block < 3; block++) {
        for (int threshold : new int[] {-1, 0, bytes * cap / 2, bytes * cap, Short.MAX_VALUE}) {
          long ma = simd.scoreBlock(codes, block * BLOCK * bytes, bytes, tables, threshold, a);
          long mb = scalar.scoreBlock(codes, block * BLOCK * bytes, bytes, tables, threshold, b);
          long mapped = 0;
          for (int slot = 0; slot < BLOCK; slot++) {
            int token = simd.tokenOfSlot(slot);
            assertEquals(b[token], a[slot], simd.name() + " bytes=" + bytes + " token " + token);
            if ((ma >>> slot & 1) != 0) {
              mapped |= 1L << token;
            }
          }
          assertEquals(mb, mapped, "masks, threshold " + threshold);
        }
      }
    }
  }

  @Test
  void perSlotThresholdsSelectEachTokenByItsOwn() {
    FastScanKernel simd = FastScan.kernel();
    FastScanKernel scalar = FastScan.scalar();
    Random r = new Random(5);
    int bytes = 48;
    int cap = Math.min(127, Short.MAX_VALUE / (2 * bytes));
    byte[] codes = new byte[BLOCK * bytes];
    r.nextBytes(codes);
    byte[] tables = new byte[2 * bytes * 16 + FastScanKernel.TABLE_PADDING];
    for (int i = 0; i < 2 * bytes * 16; i++) {
      tables[i] = (byte) r.nextInt(cap + 1);
    }
    for (int round = 0; round < 20; round++) {
      short[] byToken = new short[BLOCK];
      for (int i = 0; i < BLOCK; i++) {
        byToken[i] = (short) (r.nextInt(bytes * cap + 2) - 1);
      }
      short[] bySlot = new short[BLOCK];
      for (int slot = 0; slot < BLOCK; slot++) {
        bySlot[slot] = byToken[simd.tokenOfSlot(slot)];
      }
      short[] a = new short[BLOCK];
      short[] b = new short[BLOCK];
      long ma = simd.scoreBlock(codes, 0, bytes, tables, bySlot, a);
      long mb = scalar.scoreBlock(codes, 0, bytes, tables, byToken, b);
      long mapped = 0;
      for (int slot = 0; slot < BLOCK; slot++) {
        int token = simd.tokenOfSlot(slot);
        if ((ma >>> slot & 1) != 0) {
          mapped |= 1L << token;
        }
        assertEquals(b[token] > byToken[token], (mb >>> token & 1) != 0, "token " + token);
      }
      assertEquals(mb, mapped, simd.name() + " round " + round);
    }
  }

  @Test
  void scaledThresholdsNeverExceedTheExactOnes() {
    Random r = new Random(6);
    int dim = 64;
    ResidualQuantizer quantizer = ResidualQuantizer.train(gaussian(r, 3000, dim, 0.1f), 3000, dim, 2,
        ResidualQuantizer.Mode.PER_DIMENSION);
    QueryTables tables = QueryTables.build(quantizer, gaussian(r, 2, dim, 1f), 2);
    float[] inverse = new float[BLOCK];
    short[] out = new short[BLOCK];
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < BLOCK; i++) {
        inverse[i] = 1f / (0.8f + 0.45f * r.nextFloat());
      }
      float bound = (float) r.nextGaussian();
      float centroid = (float) r.nextGaussian() * 0.5f;
      tables.sumThresholds(round % 2, bound, centroid, inverse, out);
      for (int i = 0; i < BLOCK; i++) {
        int exact = tables.sumThreshold(round % 2, bound * inverse[i] - centroid);
        assertTrue(out[i] <= exact && out[i] >= Math.min(exact, tables.maxSum(round % 2)) - 2,
            "lane " + i + ": " + out[i] + " vs exact " + exact);
      }
    }
  }

  @Test
  void approximateScoresStayWithinTheErrorBoundAndExactOnesMatchTheScorer() {
    Random r = new Random(4);
    for (int bits : new int[] {1, 2, 4}) {
      int dim = 64;
      float[] residuals = gaussian(r, 3000, dim, 0.1f);
      ResidualQuantizer quantizer = ResidualQuantizer.train(residuals, 3000, dim, bits, ResidualQuantizer.Mode.PER_DIMENSION);
      int nq = 3;
      float[] query = gaussian(r, nq, dim, 1f);
      QueryTables tables = QueryTables.build(quantizer, query, nq);
      ResidualScorer scorer = new ResidualScorer(quantizer);
      int bytes = quantizer.bytesPerVector();
      byte[] token = new byte[bytes];
      byte[] block = new byte[BLOCK * bytes];
      short[] sums = new short[BLOCK];
      for (int q = 0; q < nq; q++) {
        scorer.setQuery(query, q * dim);
        for (int i = 0; i < BLOCK; i++) {
          r.nextBytes(token);
          for (int t = 0; t < bytes; t++) {
            block[t * BLOCK + i] = token[t];
          }
        }
        FastScan.scalar().scoreBlock(block, 0, bytes, tables.quantised(q), -1, sums);
        for (int i = 0; i < BLOCK; i++) {
          for (int t = 0; t < bytes; t++) {
            token[t] = block[t * BLOCK + i];
          }
          float exact = scorer.score(token, 0);
          assertEquals(exact, tables.exactResidual(q, block, i, BLOCK), 1e-5f, "float tables = scorer");
          float approx = tables.approximate(q, sums[i]);
          assertTrue(Math.abs(approx - exact) <= tables.errorBound(q),
              "bits=" + bits + " |" + approx + " - " + exact + "| > " + tables.errorBound(q));
          assertTrue(sums[i] <= tables.maxSum(q));
        }
        // A sum threshold admits every token whose approximate score is above the residual, and
        // nothing more than one step below it.
        float residual = tables.approximate(q, sums[7]) - tables.errorBound(q) / 3;
        int threshold = tables.sumThreshold(q, residual);
        for (int i = 0; i < BLOCK; i++) {
          float approx = tables.approximate(q, sums[i]);
          if (approx > residual) {
            assertTrue(sums[i] > threshold, "token " + i + " must pass");
          }
          if (sums[i] > threshold) {
            assertTrue(tables.approximate(q, sums[i] + 1) > residual, "token " + i + " passes too low");
          }
        }
      }
    }
  }

  @Test
  void runningThresholdStaysBelowTheKthLargest() {
    Random r = new Random(5);
    for (int round = 0; round < 200; round++) {
      int k = 1 + r.nextInt(50);
      int n = r.nextInt(2000);
      float lo = -1;
      float hi = 1;
      int bins = 2 + r.nextInt(3000);
      RunningThreshold running = new RunningThreshold(k, lo, hi, bins);
      float[] seen = new float[n];
      for (int i = 0; i < n; i++) {
        // Mostly inside the range, some outside, many ties.
        seen[i] = round % 3 == 0 ? r.nextInt(40) / 20f - 1 : (float) r.nextGaussian() * 0.6f;
        running.offer(seen[i]);
        if (i % 97 != 0 && i != n - 1) {
          continue;
        }
        float[] sorted = Arrays.copyOf(seen, i + 1);
        Arrays.sort(sorted);
        if (i + 1 < k) {
          assertEquals(Float.NEGATIVE_INFINITY, running.threshold());
        } else {
          float kth = sorted[i + 1 - k];
          assertTrue(running.threshold() < kth, "threshold " + running.threshold() + " >= k-th " + kth);
        }
      }
      Arrays.sort(seen);
      if (n >= 10 * k && seen[n - k] < hi && running.threshold() > lo) {
        // and it is useful: within a bin or so of the k-th largest when that lies inside the range
        assertTrue(seen[n - k] - running.threshold() <= 2 * (hi - lo) / bins + 1e-6f,
            "a loose bound: " + running.threshold() + " for " + seen[n - k]);
      }
    }
  }

  @Test
  void badArgumentsAreNamed() {
    assertThrows(IllegalArgumentException.class, () -> new RunningThreshold(0, 0, 1, 16));
    assertThrows(IllegalArgumentException.class, () -> new RunningThreshold(1, 0, 1, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RunningThreshold(1, 1, 0, 16));
    assertTrue(e.getMessage().contains("hi >= lo"), e.getMessage());
    // 4 bits × 32 768 dimensions = 16 384 code bytes: more nibble tables than 16-bit sums can hold.
    int dim = 32_768;
    ResidualQuantizer wide =
        ResidualQuantizer.train(gaussian(new Random(6), 16, dim, 1f), 16, dim, 4, ResidualQuantizer.Mode.PER_DIMENSION);
    e = assertThrows(IllegalArgumentException.class, () -> QueryTables.build(wide, new float[dim], 1));
    assertTrue(e.getMessage().contains("16384"), e.getMessage());
  }

  static float[] gaussian(Random r, int rows, int dim, float scale) {
    float[] v = new float[rows * dim];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextGaussian() * scale;
    }
    return v;
  }
}
