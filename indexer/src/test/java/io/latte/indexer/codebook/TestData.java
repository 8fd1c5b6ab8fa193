package io.latte.indexer.codebook;

import java.util.Random;

/** Synthetic vectors with fixed seeds. */
final class TestData {

  private TestData() {}

  static float[] gaussian(Random r, int rows, int dim, double sigma) {
    float[] a = new float[rows * dim];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (r.nextGaussian() * sigma);
    }
    return a;
  }

  static void normalizeRows(float[] a, int rows, int dim) {
    for (int i = 0; i < rows; i++) {
      double n = 0;
      for (int d = 0; d < dim; d++) {
        n += (double) a[i * dim + d] * a[i * dim + d];
      }
      double inv = 1 / Math.sqrt(n);
      for (int d = 0; d < dim; d++) {
        a[i * dim + d] = (float) (a[i * dim + d] * inv);
      }
    }
  }

  /** Planted clusters on the unit sphere; {@code labels[i]} receives the true cluster. */
  static float[] clustered(
      Random r, int clusters, int perCluster, int dim, double noise, float[] centresOut, int[] labels) {
    float[] centres = gaussian(r, clusters, dim, 1);
    normalizeRows(centres, clusters, dim);
    if (centresOut != null) {
      System.arraycopy(centres, 0, centresOut, 0, centres.length);
    }
    int rows = clusters * perCluster;
    float[] x = new float[rows * dim];
    for (int i = 0; i < rows; i++) {
      int c = i % clusters; // interleaved so that prefixes hold every cluster
      if (labels != null) {
        labels[i] = c;
      }
      for (int d = 0; d < dim; d++) {
        x[i * dim + d] = centres[c * dim + d] + (float) (r.nextGaussian() * noise / Math.sqrt(dim));
      }
    }
    normalizeRows(x, rows, dim);
    return x;
  }

  static double dot(float[] a, int aOff, float[] b, int bOff, int dim) {
    double s = 0;
    for (int d = 0; d < dim; d++) {
      s += (double) a[aOff + d] * b[bOff + d];
    }
    return s;
  }
}
