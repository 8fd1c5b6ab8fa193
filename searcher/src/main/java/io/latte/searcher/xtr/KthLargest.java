package io.latte.searcher.xtr;

/**
 * The {@code k}-th largest of a stream of floats (a bounded min-heap): XTR's imputation value for a
 * query token is the {@code k'}-th best similarity among all tokens it retrieved.
 */
public final class KthLargest {
  private final float[] heap;
  private int size;
  private long seen;

  public KthLargest(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k' must be >= 1, got " + k);
    }
    heap = new float[k];
  }

  public void offer(float v) {
    seen++;
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

  /** Values offered so far. */
  public long seen() {
    return seen;
  }

  /**
   * The k-th largest value offered; with fewer than k values, the smallest one (every retrieved
   * token then counts as retrieved); {@code -∞} when nothing was offered.
   */
  public float value() {
    return size == 0 ? Float.NEGATIVE_INFINITY : heap[0];
  }

  /** Merges another accumulator's values into this one (per-segment heaps → one global heap). */
  public void addAll(KthLargest other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.heap[i]);
    }
    seen += other.seen - other.size;
  }
}
