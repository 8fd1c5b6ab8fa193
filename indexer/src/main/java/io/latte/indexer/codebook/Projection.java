package io.latte.indexer.codebook;

import io.latte.indexer.vector.VectorKernels;
import java.util.Objects;

/**
 * A linear map {@code x ↦ P x} to fewer dimensions, with orthonormal rows {@code P} (output × input),
 * learned as the top principal directions of a sample of token vectors.
 *
 * <p><b>Why no mean-centring.</b> Late interaction only needs dot products, and {@code (P q) · (P x)
 * = q · x - q · (I - PᵀP) x}: the error is the part of {@code x} outside the kept subspace. The
 * subspace that minimises that energy, {@code E|x - PᵀP x|²}, is spanned by the top eigenvectors of
 * the <em>uncentred</em> second-moment matrix {@code E[x xᵀ]}, so that is what we decompose. The
 * applied map is then purely linear: queries and documents go through the same {@code P} with
 * nothing to subtract or add back, and nothing is renormalised. Centred PCA would instead rank
 * directions by variance around the mean; the mean direction of BERT-style token vectors is large
 * (anisotropy), contributes to every dot product, and could be dropped. With the uncentred moment it
 * is kept automatically when it carries energy.
 *
 * <p>The decomposition is done in double precision ({@link SymmetricEigen}: Householder + QL) on at
 * most {@link #MAX_TRAINING_ROWS} evenly spaced sample rows. Immutable and thread-safe.
 */
public final class Projection {

  /** Rows of the sample used to estimate the second-moment matrix. */
  public static final int MAX_TRAINING_ROWS = 1 << 16;

  private static final int CHUNK_ROWS = 512;

  private final int inputDim;
  private final int outputDim;
  private final float[] matrix;

  /**
   * Wraps an existing matrix ({@code outputDim × inputDim}, row-major, copied). Its rows must be
   * orthonormal to within 1e-3.
   */
  public Projection(float[] matrix, int inputDim, int outputDim) {
    Checks.positive("inputDim", inputDim);
    if (outputDim < 1 || outputDim > inputDim) {
      throw new IllegalArgumentException(
          "outputDim must be in [1, inputDim=" + inputDim + "], got " + outputDim);
    }
    Objects.requireNonNull(matrix, "matrix");
    if (matrix.length != inputDim * outputDim) {
      throw new IllegalArgumentException(
          "matrix.length must be outputDim * inputDim = " + (inputDim * outputDim) + ", got "
              + matrix.length);
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
    this.matrix = matrix.clone();
    checkOrthonormal();
  }

  private void checkOrthonormal() {
    for (int i = 0; i < outputDim; i++) {
      for (int j = i; j < outputDim; j++) {
        double s = 0;
        for (int k = 0; k < inputDim; k++) {
          s += (double) matrix[i * inputDim + k] * matrix[j * inputDim + k];
        }
        double expected = i == j ? 1 : 0;
        if (Math.abs(s - expected) > 1e-3) {
          throw new IllegalArgumentException(
              "projection rows must be orthonormal: row " + i + " · row " + j + " = " + s);
        }
      }
    }
  }

  /**
   * Learns the top {@code outputDim} directions of {@code rows} vectors ({@code inputDim} floats
   * each, row-major).
   */
  public static Projection learn(float[] flat, int rows, int inputDim, int outputDim, int threads) {
    Checks.matrix("flat", flat, rows, inputDim);
    Checks.positive("rows", rows);
    if (outputDim < 1 || outputDim > inputDim) {
      throw new IllegalArgumentException(
          "outputDim must be in [1, inputDim=" + inputDim + "], got " + outputDim);
    }
    Parallel.checkThreads(threads);
    SymmetricEigen eigen = SymmetricEigen.of(secondMoment(flat, rows, inputDim, threads));
    float[] m = new float[outputDim * inputDim];
    for (int i = 0; i < outputDim; i++) {
      for (int k = 0; k < inputDim; k++) {
        m[i * inputDim + k] = (float) eigen.vectors[k][i];
      }
    }
    return new Projection(m, inputDim, outputDim);
  }

  /** {@code E[x xᵀ]} over evenly spaced sample rows, in double. */
  static double[][] secondMoment(float[] flat, int rows, int dim, int threads) {
    int n = Math.min(rows, MAX_TRAINING_ROWS);
    double[][] m = new double[dim][dim];
    float[] t = new float[dim * CHUNK_ROWS];
    for (int c0 = 0; c0 < n; c0 += CHUNK_ROWS) {
      int c = Math.min(CHUNK_ROWS, n - c0);
      // Transpose the chunk: t[d * c + r] = row r, dimension d.
      for (int r = 0; r < c; r++) {
        int src = (int) ((long) (c0 + r) * rows / n) * dim;
        for (int d = 0; d < dim; d++) {
          t[d * c + r] = flat[src + d];
        }
      }
      // Upper triangle, row by row: each task owns its rows of m.
      Parallel.forRanges(
          threads,
          dim,
          8,
          (from, to) -> {
            float[] out = new float[dim];
            for (int i = from; i < to; i++) {
              VectorKernels.dotMany(t, i * c, t, i * c, dim - i, c, out, 0);
              double[] row = m[i];
              for (int j = i; j < dim; j++) {
                row[j] += out[j - i];
              }
            }
          });
    }
    for (int i = 0; i < dim; i++) {
      for (int j = i; j < dim; j++) {
        m[i][j] /= n;
        m[j][i] = m[i][j];
      }
    }
    return m;
  }

  /** Dimensions in. */
  public int inputDim() {
    return inputDim;
  }

  /** Dimensions out. */
  public int outputDim() {
    return outputDim;
  }

  /** A copy of the matrix, {@code outputDim × inputDim} row-major. */
  public float[] matrix() {
    return matrix.clone();
  }

  float[] matrixNoCopy() {
    return matrix;
  }

  /** Projects one vector of {@link #inputDim()} floats. */
  public float[] apply(float[] in) {
    if (in.length != inputDim) {
      throw new IllegalArgumentException("in.length must be inputDim=" + inputDim + ", got " + in.length);
    }
    float[] out = new float[outputDim];
    apply(in, 0, out, 0);
    return out;
  }

  /** Projects {@code in[inOff, inOff + inputDim)} into {@code out[outOff, outOff + outputDim)}. */
  public void apply(float[] in, int inOff, float[] out, int outOff) {
    VectorKernels.dotMany(in, inOff, matrix, 0, outputDim, inputDim, out, outOff);
  }

  /** Projects {@code rows} vectors stored row-major; returns {@code rows * outputDim} floats. */
  public float[] applyAll(float[] flat, int rows) {
    Checks.matrix("flat", flat, rows, inputDim);
    float[] out = new float[rows * outputDim];
    for (int i = 0; i < rows; i++) {
      apply(flat, i * inputDim, out, i * outputDim);
    }
    return out;
  }

  /**
   * Fraction of the sample's energy kept: {@code Σ|P x|² / Σ|x|²} (1 = nothing lost). Also the
   * fraction of a typical self dot product preserved.
   */
  public double energyKept(float[] flat, int rows) {
    Checks.matrix("flat", flat, rows, inputDim);
    double in = 0;
    double out = 0;
    float[] p = new float[outputDim];
    for (int i = 0; i < rows; i++) {
      in += VectorKernels.dot(flat, i * inputDim, flat, i * inputDim, inputDim);
      apply(flat, i * inputDim, p, 0);
      out += VectorKernels.dot(p, p);
    }
    return in == 0 ? 1 : out / in;
  }
}
