package io.latte.indexer.vector;

/**
 * Plain Java loops: the reference the SIMD kernels are tested against, and the fallback when the
 * vector incubator module is absent. Written so that C2 can still unroll them; no tricks.
 */
final class ScalarKernels implements Kernels {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
    // Four partial sums, like Lucene's scalar dot product: a single sum chain is add-latency bound.
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int k = 0;
    for (; k + 4 <= dim; k += 4) {
      s0 += a[aOff + k] * b[bOff + k];
      s1 += a[aOff + k + 1] * b[bOff + k + 1];
      s2 += a[aOff + k + 2] * b[bOff + k + 2];
      s3 += a[aOff + k + 3] * b[bOff + k + 3];
    }
    for (; k < dim; k++) {
      s0 += a[aOff + k] * b[bOff + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void dotMany(
      float[] q, int qOff, float[] m, int mOff, int rows, int dim, float[] out, int outOff) {
    for (int r = 0; r < rows; r++) {
      out[outOff + r] = dot(q, qOff, m, mOff + r * dim, dim);
    }
  }

  @Override
  public void addTo(float[] v, int vOff, float[] acc, int accOff, int len) {
    for (int i = 0; i < len; i++) {
      acc[accOff + i] += v[vOff + i];
    }
  }

  @Override
  public int panelWidth() {
    return 1; // packed == row-major
  }

  @Override
  public void maxDot(
      float[] packed,
      int paddedRows,
      int dim,
      float[] rows,
      int rowFrom,
      int rowTo,
      float[] best,
      float[] bestIdx) {
    for (int i = 0; i < paddedRows; i++) {
      float b = best[i];
      float bi = bestIdx[i];
      for (int j = rowFrom; j < rowTo; j++) {
        float s = dot(packed, i * dim, rows, j * dim, dim);
        if (s > b) {
          b = s;
          bi = j;
        }
      }
      best[i] = b;
      bestIdx[i] = bi;
    }
  }

  @Override
  public void dotPacked(
      float[] packed,
      int paddedRows,
      int dim,
      float[] rows,
      int rowFrom,
      int rowTo,
      float[] out,
      int outOff,
      int outStride) {
    for (int j = rowFrom; j < rowTo; j++) {
      int o = outOff + (j - rowFrom) * outStride;
      for (int i = 0; i < paddedRows; i++) {
        out[o + i] = dot(packed, i * dim, rows, j * dim, dim);
      }
    }
  }
}
