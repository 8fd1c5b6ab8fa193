package io.latte.searcher.xtr;

/**
 * The {@code k}-th largest of a stream of floats (a bounded min-heap): XTR's imputation value for a
 * query token is the {@code k'}-th best similarity among all tokens it retrieved.
 */
public final class KthLargest {
  private final float[] heap;
  private int size;

  public KthLargest(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k' must be >= 1, got " + k);
    }
    heap = new float[k];
  }

  public void offer(float v) {
    if (size < heap.length) {
      heap[size] = v;
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (heap[p] <= heap[i]) {
          break;
        }
        float t = heap[p];
        heap[p] = heap[i];
        heap[i] = t;
        i = p;
      }
    } else if (v > heap[0]) {
      heap[0] = v;
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        if (l >= size) {
          break;
        }
        int m = l + 1 < size && heap[l + 1] < heap[l] ? l + 1 : l;
        if (heap[i] <= heap[m]) {
          break;
        }
        float t = heap[m];
        heap[m] = heap[i];
        heap[i] = t;
        i = m;
      }
    }
  }

  /**
   * A value not above this cannot change {@link #value()}: callers skip offering it (the common case
   * once the heap is full), which keeps the scan loop tight.
   */
  public float threshold() {
    return size < heap.length ? Float.NEGATIVE_INFINITY : heap[0];
  }

  /**
   * The k-th largest value offered; with fewer than k values, the smallest one (every retrieved
   * token then counts as retrieved); {@code -∞} when nothing was offered.
   */
  public float value() {
    return size == 0 ? Float.NEGATIVE_INFINITY : heap[0];
  }
}
