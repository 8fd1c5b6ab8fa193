package io.latte.indexer.codebook;

/**
 * How well a {@link Codebook} fits a set of vectors, e.g. a fresh sample of a grown collection
 * compared with {@link Codebook#trainingError()} (for {@code latte stats}).
 *
 * @param vectors number of vectors measured
 * @param meanSquaredError mean {@code |P x - decode(encode(x))|²}, in codebook space
 * @param meanSquaredNorm mean {@code |P x|²}, to turn the error into a relative one
 * @param meanProjectionLoss mean {@code |x|² - |P x|²}: energy removed by the projection (0 without)
 * @param meanCentroidSimilarity mean {@code P x · centroid}: drops when the data drifts away
 */
public record QuantizationError(
    long vectors,
    double meanSquaredError,
    double meanSquaredNorm,
    double meanProjectionLoss,
    double meanCentroidSimilarity) {

  /** {@code meanSquaredError / meanSquaredNorm} (0 when the vectors are all zero). */
  public double relativeError() {
    return meanSquaredNorm == 0 ? 0 : meanSquaredError / meanSquaredNorm;
  }

  /** Encodes and decodes {@code rows} input-space vectors with exact assignment. */
  public static QuantizationError measure(Codebook codebook, float[] flat, int rows, int threads) {
    int inDim = codebook.inputDim();
    int dim = codebook.dim();
    Checks.matrix("flat", flat, rows, inDim);
    float[] x = codebook.projection().map(p -> p.applyAll(flat, rows)).orElse(flat);
    int[] centroid = new int[rows];
    float[] sim = new float[rows];
    codebook.exactAssigner(threads).assign(x, 0, rows, centroid, sim, 0);
    ResidualQuantizer q = codebook.quantizer();
    float[] c = codebook.centroidsNoCopy();
    float[] residual = new float[dim];
    float[] decoded = new float[dim];
    byte[] codes = new byte[q.bytesPerVector()];
    double err = 0;
    double norm = 0;
    double loss = 0;
    double sims = 0;
    for (int i = 0; i < rows; i++) {
      double xn = 0;
      for (int d = 0; d < dim; d++) {
        float v = x[i * dim + d];
        xn += (double) v * v;
        residual[d] = v - c[centroid[i] * dim + d];
      }
      q.encode(residual, 0, codes, 0);
      q.decode(codes, 0, decoded, 0);
      for (int d = 0; d < dim; d++) {
        double e = residual[d] - decoded[d];
        err += e * e;
      }
      norm += xn;
      if (x != flat) {
        double in = 0;
        for (int d = 0; d < inDim; d++) {
          in += (double) flat[i * inDim + d] * flat[i * inDim + d];
        }
        loss += in - xn;
      }
      sims += sim[i];
    }
    double n = Math.max(1, rows);
    return new QuantizationError(rows, err / n, norm / n, loss / n, sims / n);
  }

  /** Mean squared error of quantising {@code rows} residuals. */
  static double residualError(ResidualQuantizer q, float[] residuals, int rows) {
    int dim = q.dim();
    float[] decoded = new float[dim];
    byte[] codes = new byte[q.bytesPerVector()];
    double err = 0;
    for (int i = 0; i < rows; i++) {
      q.encode(residuals, i * dim, codes, 0);
      q.decode(codes, 0, decoded, 0);
      for (int d = 0; d < dim; d++) {
        double e = residuals[i * dim + d] - decoded[d];
        err += e * e;
      }
    }
    return rows == 0 ? 0 : err / rows;
  }
}
