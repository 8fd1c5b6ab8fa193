package io.latte.indexer.codebook;

import java.util.Objects;

/** Argument checks that name the parameter, the limit and the value. */
final class Checks {

  private Checks() {}

  static float[] matrix(String name, float[] flat, int rows, int dim) {
    Objects.requireNonNull(flat, name);
    if (rows < 0) {
      throw new IllegalArgumentException("rows of " + name + " must be >= 0, got " + rows);
    }
    if (dim < 1) {
      throw new IllegalArgumentException("dim must be >= 1, got " + dim);
    }
    long need = (long) rows * dim;
    if (flat.length < need) {
      throw new IllegalArgumentException(
          name + " must hold rows * dim = " + rows + " * " + dim + " = " + need
              + " floats, got " + flat.length);
    }
    return flat;
  }

  static void range(String name, float[] flat, int off, int rows, int dim) {
    Objects.requireNonNull(flat, name);
    long end = (long) off + (long) rows * dim;
    if (off < 0 || rows < 0 || end > flat.length) {
      throw new IllegalArgumentException(
          name + " must hold [" + off + ", " + end + ") (" + rows + " rows x " + dim
              + "), but its length is " + flat.length);
    }
  }

  static void atLeast(String name, int[] a, int need) {
    Objects.requireNonNull(a, name);
    if (a.length < need) {
      throw new IllegalArgumentException(name + ".length must be >= " + need + ", got " + a.length);
    }
  }

  static void atLeast(String name, float[] a, int need) {
    if (a != null && a.length < need) {
      throw new IllegalArgumentException(name + ".length must be >= " + need + ", got " + a.length);
    }
  }

  static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
    return value;
  }
}
