package io.latte.eval.compression;

import io.latte.eval.encode.EncodedCorpus;
import io.latte.indexer.codebook.CentroidAssigner;
import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.CodebookTrainer;
import io.latte.indexer.format.LatteIndexFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Compresses an {@link EncodedCorpus} with one setting (bits, projection, centroids) the way the
 * indexer does — codebook trained on a sample of {@code sampleTokens} token vectors, every token
 * assigned exactly and residual-coded — and returns the decompressed corpus in the codebook's space.
 */
public final class CompressionStudy {
  /** One compressed corpus and its codebook. */
  public record Compressed(Codebook codebook, EncodedCorpus decoded, double trainSeconds, double encodeSeconds) {
    /** Bytes per token in the two per-token structures: centroid id + codes, twice (postings and matrix). */
    public double indexBytesPerToken() {
      return 2.0 * codebook.bytesPerVector() + LatteIndexFormat.centroidBytes(codebook.numCentroids());
    }
  }

  private CompressionStudy() {}

  /**
   * @param sampleTokens training sample size, taken evenly across the whole corpus
   * @param numCentroids 0 for the automatic rule
   */
  public static Compressed compress(EncodedCorpus corpus, int bits, int projectionDim, int numCentroids,
      int sampleTokens, int threads) {
    long total = corpus.totalTokens();
    int dim = corpus.dim();
    int rows = (int) Math.min(sampleTokens, total);
    float[] sample = new float[rows * dim];
    long stride = Math.max(1, total / rows);
    long seen = 0;
    int taken = 0;
    for (int d = 0; d < corpus.size() && taken < rows; d++) {
      int n = corpus.tokenCount(d);
      for (int t = 0; t < n && taken < rows; t++, seen++) {
        if (seen % stride == 0) {
          System.arraycopy(corpus.tokens(d), t * dim, sample, taken * dim, dim);
          taken++;
        }
      }
    }
    long t0 = System.nanoTime();
    CodebookTrainer.Options o = CodebookTrainer.Options.defaults().withBits(bits).withProjectionDim(projectionDim)
        .withNumCentroids(numCentroids).withTotalTokens(total).withThreads(threads);
    Codebook cb = CodebookTrainer.train(sample, taken, dim, o, null);
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    CentroidAssigner assigner = cb.exactAssigner(threads);
    List<String> ids = new ArrayList<>(corpus.size());
    List<float[]> decoded = new ArrayList<>(corpus.size());
    List<float[]> pooled = new ArrayList<>(corpus.size());
    int bpv = cb.bytesPerVector();
    for (int d = 0; d < corpus.size(); d++) {
      int n = corpus.tokenCount(d);
      int[] centroids = new int[n];
      byte[] codes = new byte[n * bpv];
      cb.encodeAll(corpus.tokens(d), n, assigner, centroids, codes);
      float[] out = new float[n * cb.dim()];
      for (int t = 0; t < n; t++) {
        cb.decode(centroids[t], codes, t * bpv, out, t * cb.dim());
      }
      ids.add(corpus.id(d));
      decoded.add(out);
      pooled.add(new float[0]);
    }
    double encodeSeconds = (System.nanoTime() - t1) / 1e9;
    EncodedCorpus result = new EncodedCorpus(corpus.modelName(), corpus.modelChecksum() + "+compressed", cb.dim(),
        ids, decoded, pooled);
    return new Compressed(cb, result, trainSeconds, encodeSeconds);
  }
}
