package io.latte.indexer.vector;

/**
 * Rows copied into the interleaved layout that the active kernel wants for the reused side of a
 * MaxSim or nearest-row search (the query tokens, or a batch of vectors to assign). Packing costs one
 * pass over the rows; pack once and reuse when the same rows meet many others (a query against many
 * documents).
 *
 * <p>Immutable and safe to share between threads. Create with {@link VectorKernels#pack}.
 */
public final class PackedVectors {

  final Kernels kernels;
  final float[] data;
  final int rows;
  final int paddedRows;
  final int dim;

  PackedVectors(Kernels kernels, float[] src, int off, int rows, int dim) {
    this.kernels = kernels;
    this.rows = rows;
    this.dim = dim;
    int w = kernels.panelWidth();
    this.paddedRows = (rows + w - 1) / w * w;
    this.data = kernels.pack(src, off, rows, dim);
  }

  /** Number of rows packed. */
  public int rows() {
    return rows;
  }

  /** {@link #rows()} rounded up to the active kernel's panel width (1 for scalar, 32 for AVX-512). */
  public int paddedRows() {
    return paddedRows;
  }

  /** Floats per row. */
  public int dim() {
    return dim;
  }
}
