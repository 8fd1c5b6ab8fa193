package io.latte.indexer.vector;

/**
 * The swappable part behind {@link VectorKernels}. Arguments are validated by the facade; an
 * implementation may assume in-range offsets and lengths.
 */
interface Kernels {

  /** A short name for logs and benchmarks, e.g. {@code "panama(512-bit)"}. */
  String name();

  float dot(float[] a, int aOff, float[] b, int bOff, int dim);

  /** {@code out[outOff + r] = q[qOff..] · m[mOff + r * dim ..]} for {@code r < rows}. */
  void dotMany(float[] q, int qOff, float[] m, int mOff, int rows, int dim, float[] out, int outOff);

  /** {@code acc[accOff + i] += v[vOff + i]} for {@code i < len} (both sums are exact per element). */
  void addTo(float[] v, int vOff, float[] acc, int accOff, int len);

  /** How many rows share one panel of the packed layout (1 = plain row-major). */
  int panelWidth();

  /**
   * Packs {@code rows} rows of {@code dim} floats starting at {@code src[off]} into panels of {@link
   * #panelWidth()} rows, stored dimension-major inside a panel ({@code panel[k * width + lane]}); the
   * last panel is zero-padded.
   */
  default float[] pack(float[] src, int off, int rows, int dim) {
    int w = panelWidth();
    int panels = (rows + w - 1) / w;
    float[] packed = new float[panels * w * dim];
    for (int r = 0; r < rows; r++) {
      int base = (r / w) * w * dim + (r % w);
      int s = off + r * dim;
      for (int k = 0; k < dim; k++) {
        packed[base + k * w] = src[s + k];
      }
    }
    return packed;
  }

  /**
   * For every packed row {@code i} (including padding lanes, whose results are meaningless) and every
   * row {@code j} in {@code [rowFrom, rowTo)} of the row-major matrix {@code rows}: if {@code
   * packed_i · rows_j > best[i]} then {@code best[i] = packed_i · rows_j} and {@code bestIdx[i] = j}.
   * Rows are visited in increasing order and the comparison is strict, so ties keep the lowest index.
   * Indices are carried as floats (exact below 2^24, checked by the facade).
   *
   * @param paddedRows the packed row count rounded up to a multiple of {@link #panelWidth()}; {@code
   *     best} and {@code bestIdx} hold at least that many entries
   */
  void maxDot(
      float[] packed,
      int paddedRows,
      int dim,
      float[] rows,
      int rowFrom,
      int rowTo,
      float[] best,
      float[] bestIdx);

  /**
   * {@code out[outOff + (j - rowFrom) * outStride + i] = rows_j · packed_i} for every row {@code j}
   * in {@code [rowFrom, rowTo)} and every packed row {@code i < paddedRows} (padding lanes included,
   * so {@code outStride >= paddedRows}). Each entry is computed exactly as in {@link #maxDot}.
   */
  void dotPacked(
      float[] packed,
      int paddedRows,
      int dim,
      float[] rows,
      int rowFrom,
      int rowTo,
      float[] out,
      int outOff,
      int outStride);
}
