package io.latte.indexer.codebook;

import io.latte.indexer.vector.MaxDotAccumulator;
import io.latte.indexer.vector.PackedVectors;
import io.latte.indexer.vector.VectorKernels;

/**
 * Brute force with the packed MaxDot kernel. Vectors are packed in blocks of {@link #BLOCK_ROWS};
 * centroids are streamed in chunks of about {@link #CHUNK_FLOATS} floats so that a chunk stays in
 * the per-core L2 cache while every vector of the block is compared with it.
 */
final class ExactCentroidAssigner implements CentroidAssigner {

  /** Vectors packed per block (also the unit of work per thread). */
  static final int BLOCK_ROWS = 256;
  /** Centroid floats per cache chunk: 512 KiB. */
  static final int CHUNK_FLOATS = 1 << 17;

  private final float[] centroids;
  private final int k;
  private final int dim;
  private final int threads;

  ExactCentroidAssigner(float[] centroids, int k, int dim, int threads) {
    this.centroids = centroids;
    this.k = Checks.positive("k", k);
    this.dim = dim;
    this.threads = Parallel.checkThreads(threads);
  }

  @Override
  public int numCentroids() {
    return k;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public void assign(
      float[] flat, int off, int rows, int[] centroidOut, float[] similarityOut, int outOff) {
    Checks.range("flat", flat, off, rows, dim);
    Checks.atLeast("centroidOut", centroidOut, outOff + rows);
    Checks.atLeast("similarityOut", similarityOut, outOff + rows);
    int chunk = Math.max(16, CHUNK_FLOATS / dim);
    Parallel.forRanges(
        threads,
        rows,
        BLOCK_ROWS,
        (from, to) -> {
          PackedVectors block = VectorKernels.pack(flat, off + from * dim, to - from, dim);
          MaxDotAccumulator acc = new MaxDotAccumulator(block);
          for (int c = 0; c < k; c += chunk) {
            acc.accept(centroids, c, Math.min(k, c + chunk));
          }
          acc.copyTo(similarityOut, centroidOut, outOff + from);
        });
  }
}
