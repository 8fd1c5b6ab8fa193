package io.latte.indexer.muvera;

import java.util.Random;

/**
 * Multi-vector test data shaped like token embeddings: unit vectors around a few shared topic
 * centres (so documents on a query's topics score high), with noise so tokens of one topic differ.
 * Documents draw their tokens from 3 topics, queries from 2.
 */
final class ClusteredTokens {
  final int dim;
  final float[][] docs;
  final int[] docTokens;
  final float[][] queries;
  final int[] queryTokens;

  ClusteredTokens(long seed, int dim, int topics, int numDocs, int numQueries, double noise) {
    this.dim = dim;
    Random r = new Random(seed);
    float[] centres = new float[topics * dim];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) r.nextGaussian();
    }
    normalize(centres, topics, dim);
    docs = new float[numDocs][];
    docTokens = new int[numDocs];
    for (int d = 0; d < numDocs; d++) {
      docTokens[d] = 10 + r.nextInt(50);
      docs[d] = sample(r, centres, topics, docTokens[d], 3, noise);
    }
    queries = new float[numQueries][];
    queryTokens = new int[numQueries];
    for (int q = 0; q < numQueries; q++) {
      queryTokens[q] = 8 + r.nextInt(12);
      queries[q] = sample(r, centres, topics, queryTokens[q], 2, noise);
    }
  }

  private float[] sample(Random r, float[] centres, int topics, int n, int numTopics, double noise) {
    int[] mine = new int[numTopics];
    for (int i = 0; i < numTopics; i++) {
      mine[i] = r.nextInt(topics);
    }
    float[] v = new float[n * dim];
    for (int t = 0; t < n; t++) {
      int c = mine[r.nextInt(numTopics)];
      for (int k = 0; k < dim; k++) {
        v[t * dim + k] = centres[c * dim + k] + (float) (noise * r.nextGaussian() / Math.sqrt(dim));
      }
    }
    normalize(v, n, dim);
    return v;
  }

  static void normalize(float[] a, int rows, int dim) {
    for (int i = 0; i < rows; i++) {
      double s = 0;
      for (int k = 0; k < dim; k++) {
        s += (double) a[i * dim + k] * a[i * dim + k];
      }
      double inv = 1 / Math.sqrt(s);
      for (int k = 0; k < dim; k++) {
        a[i * dim + k] = (float) (a[i * dim + k] * inv);
      }
    }
  }

  /** Chamfer similarity (MaxSim) of query {@code q} and document {@code d}, in double, plain loops. */
  double chamfer(int q, int d) {
    float[] qv = queries[q];
    float[] dv = docs[d];
    double total = 0;
    for (int i = 0; i < queryTokens[q]; i++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < docTokens[d]; j++) {
        double s = 0;
        for (int k = 0; k < dim; k++) {
          s += (double) qv[i * dim + k] * dv[j * dim + k];
        }
        best = Math.max(best, s);
      }
      total += best;
    }
    return total;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
