package io.latte.models;

/** The small amount of vector arithmetic the encoder needs: L2 normalisation and pooling. */
final class VectorMath {

  private VectorMath() {}

  /**
   * Scales {@code v} in place to unit L2 norm. A zero vector stays zero rather than becoming NaN,
   * which would poison every score it touches.
   */
  static void normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      return;
    }
    float scale = (float) (1.0 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
  }

  /** L2 norm, in double for test assertions. */
  static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.sqrt(sum);
  }

  /** Cosine similarity; 0 if either vector is zero. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    double n = norm(a) * norm(b);
    return n == 0 ? 0 : dot / n;
  }

  /**
   * Copies {@code dim} floats starting at {@code offset} of a flat [batch, sequence, dim] buffer.
   */
  static float[] row(float[] states, int offset, int dim) {
    float[] v = new float[dim];
    System.arraycopy(states, offset, v, 0, dim);
    return v;
  }

  /**
   * Mean of {@code count} consecutive rows starting at {@code offset}; accumulated in double so the
   * result does not depend on summation order more than float rounding allows.
   */
  static float[] meanOfRows(float[] states, int offset, int count, int dim) {
    double[] sum = new double[dim];
    for (int r = 0; r < count; r++) {
      int base = offset + r * dim;
      for (int d = 0; d < dim; d++) {
        sum[d] += states[base + d];
      }
    }
    float[] mean = new float[dim];
    for (int d = 0; d < dim; d++) {
      mean[d] = (float) (sum[d] / count);
    }
    return mean;
  }
}
