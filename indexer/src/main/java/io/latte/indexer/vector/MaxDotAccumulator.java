package io.latte.indexer.vector;

import java.util.Arrays;

/**
 * For every row {@code i} of a {@link PackedVectors}, the largest dot product with any row seen so
 * far and that row's index: the argmax half of MaxSim, and brute-force nearest-centroid search.
 * Feeding the other side in several calls (e.g. blocks of centroids small enough to stay in cache)
 * gives exactly the same result as one call, because each dot product is computed the same way and
 * ties keep the lowest index.
 *
 * <p>Not thread-safe: one accumulator per thread; the {@link PackedVectors} may be shared.
 */
public final class MaxDotAccumulator {

  /** Row indices travel through the SIMD lanes as floats, exact up to 2^24. */
  public static final int MAX_ROW_INDEX = 1 << 24;

  private final PackedVectors packed;
  private final float[] best;
  private final float[] bestIdx;

  /** A fresh accumulator over {@code packed}, already {@link #reset()}. */
  public MaxDotAccumulator(PackedVectors packed) {
    this.packed = packed;
    this.best = new float[packed.paddedRows];
    this.bestIdx = new float[packed.paddedRows];
    reset();
  }

  /** Forgets everything seen: best = -∞, index = -1. */
  public void reset() {
    Arrays.fill(best, Float.NEGATIVE_INFINITY);
    Arrays.fill(bestIdx, -1f);
  }

  /**
   * Compares every packed row with rows {@code [rowFrom, rowTo)} of the row-major matrix {@code
   * rows} (each {@link PackedVectors#dim()} floats); row indices are absolute ({@code j}, not {@code
   * j - rowFrom}).
   */
  public void accept(float[] rows, int rowFrom, int rowTo) {
    if (rowFrom < 0 || rowFrom > rowTo) {
      throw new IllegalArgumentException(
          "rowFrom must be in [0, rowTo=" + rowTo + "], got " + rowFrom);
    }
    if (rowTo > MAX_ROW_INDEX) {
      throw new IllegalArgumentException(
          "rowTo must be <= " + MAX_ROW_INDEX + " (row indices are carried as floats), got " + rowTo);
    }
    long needed = (long) rowTo * packed.dim;
    if (needed > rows.length) {
      throw new IllegalArgumentException(
          "rows must hold rowTo * dim = "
              + rowTo
              + " * "
              + packed.dim
              + " = "
              + needed
              + " floats, got "
              + rows.length);
    }
    if (rowFrom == rowTo || packed.rows == 0) {
      return;
    }
    packed.kernels.maxDot(
        packed.data, packed.paddedRows, packed.dim, rows, rowFrom, rowTo, best, bestIdx);
  }

  /** Number of packed rows this accumulator tracks. */
  public int rows() {
    return packed.rows;
  }

  /** The best dot product seen for packed row {@code i}, or -∞ if none. */
  public float best(int i) {
    return best[checkRow(i)];
  }

  /** The index of the row that gave {@link #best(int)}, or -1 if none. */
  public int bestIndex(int i) {
    return (int) bestIdx[checkRow(i)];
  }

  /** Copies all results: {@code scores[off + i] = best(i)}, {@code indices[off + i] = bestIndex(i)}. */
  public void copyTo(float[] scores, int[] indices, int off) {
    int n = packed.rows;
    if (scores != null) {
      System.arraycopy(best, 0, scores, off, n);
    }
    if (indices != null) {
      for (int i = 0; i < n; i++) {
        indices[off + i] = (int) bestIdx[i];
      }
    }
  }

  private int checkRow(int i) {
    if (i < 0 || i >= packed.rows) {
      throw new IndexOutOfBoundsException("row " + i + " not in [0, " + packed.rows + ")");
    }
    return i;
  }
}
