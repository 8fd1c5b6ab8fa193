package io.latte.eval.encode;

import io.latte.models.EncodedText;

/** Row-major flattening of an encoder's per-token vectors. */
public final class Flatten {
  private Flatten() {}

  public static float[] rows(float[][] vectors) {
    if (vectors.length == 0) {
      return new float[0];
    }
    int dim = vectors[0].length;
    float[] flat = new float[vectors.length * dim];
    for (int i = 0; i < vectors.length; i++) {
      System.arraycopy(vectors[i], 0, flat, i * dim, dim);
    }
    return flat;
  }

  public static float[] rows(EncodedText text) {
    return rows(text.vectors());
  }
}
