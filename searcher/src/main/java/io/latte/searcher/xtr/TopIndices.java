package io.latte.searcher.xtr;

/** Indices of the {@code k} largest values of an array, largest first (ties: lower index first). */
final class TopIndices {
  private TopIndices() {}

  static int[] of(float[] values, int k) {
    return of(values, 0, values.length, k);
  }

  /** The {@code k} largest of {@code values[from, from + length)}, as indices relative to {@code from}. */
  static int[] of(float[] values, int from, int length, int k) {
    if (from < 0 || length < 0 || from > values.length - length) {
      throw new IllegalArgumentException("range [" + from + ", " + from + " + " + length + ") outside an array of "
          + values.length);
    }
    int end = from + length;
    int n = Math.min(k, length);
    // Binary min-heap of (absolute) indices on (value, -index), size n: O(len · log n), no boxing.
    int[] heap = new int[n];
    int size = 0;
    int i = from;
    for (; i < end && size < n; i++) {
      heap[size] = i;
      siftUp(heap, size++, values);
    }
    // The heap's smallest value in a local: nearly every value is below it (centroid selection
    // runs this over every centroid for every query token).
    float floor = size == 0 ? Float.POSITIVE_INFINITY : values[heap[0]];
    for (; i < end; i++) {
      if (values[i] >= floor && better(i, heap[0], values)) {
        heap[0] = i;
        siftDown(heap, size, values);
        floor = values[heap[0]];
      }
    }
    int[] out = new int[size];
    for (int j = size - 1; j >= 0; j--) {
      out[j] = heap[0] - from;
      heap[0] = heap[j];
      siftDown(heap, j, values);
    }
    return out;
  }

  private static boolean better(int a, int b, float[] v) {
    return v[a] > v[b] || (v[a] == v[b] && a < b);
  }

  private static void siftUp(int[] h, int i, float[] v) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(h[parent], h[i], v)) {
        break;
      }
      int t = h[parent];
      h[parent] = h[i];
      h[i] = t;
      i = parent;
    }
  }

  private static void siftDown(int[] h, int size, float[] v) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int worst = l;
      int r = l + 1;
      if (r < size && better(h[l], h[r], v)) {
        worst = r;
      }
      if (!better(h[i], h[worst], v)) {
        return;
      }
      int t = h[i];
      h[i] = h[worst];
      h[worst] = t;
      i = worst;
    }
  }
}
