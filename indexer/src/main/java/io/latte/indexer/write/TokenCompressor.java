package io.latte.indexer.write;

import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.muvera.FixedDimensionalEncoder;
import io.latte.indexer.codebook.CentroidAssigner;
import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.EncodedDocument;
import io.latte.indexer.format.FitStats;
import io.latte.indexer.input.DocumentVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Compresses documents' token vectors with the index's codebook: nearest centroid plus quantised
 * residual, a whole batch at a time so the centroid search works on many tokens at once. While doing
 * so it measures how well the codebook fits these tokens ({@link FitStats}), because only the
 * compressed tokens are kept and the fit cannot be measured later.
 *
 * <p>Not thread-safe; one per writing thread. Deterministic: the same codebook, probes and seed give
 * the same codes for the same vectors, whichever batch they arrive in (the assigners treat rows
 * independently), which is what makes an index built in increments identical to one built at once.
 */
public final class TokenCompressor {

  private final Codebook codebook;
  private final CentroidAssigner assigner;
  private final float[] centroids;
  private final int dim;
  private final int inputDim;
  private final int bpv;
  private final FixedDimensionalEncoder muvera;
  private FitStats fit = FitStats.EMPTY;

  /** The compressor an index's writer uses: its codebook, assignment settings and MUVERA encoding. */
  public static TokenCompressor forIndex(IndexMeta meta, Codebook codebook) {
    return forIndex(meta, codebook, 1);
  }

  /**
   * {@link #forIndex(IndexMeta, Codebook)} assigning centroids on {@code threads} threads: a bulk
   * build, whose single writing thread spent most of its time there (at 8 192 centroids, ≈ 2 100 dot
   * products per token), while a server indexing beside its searches keeps to one. The codes do not
   * depend on the thread count (rows are assigned independently).
   */
  public static TokenCompressor forIndex(IndexMeta meta, Codebook codebook, int threads) {
    return new TokenCompressor(codebook, meta.build().assignProbes(), meta.build().seed(), meta.muvera(), threads);
  }

  /**
   * @param assignProbes 0 for exact centroid search; otherwise the groups probed by the two-level
   *     search (faster for tens of thousands of centroids, slightly approximate)
   * @param seed seed of the two-level grouping (ignored when exact)
   */
  public TokenCompressor(Codebook codebook, int assignProbes, long seed) {
    this(codebook, assignProbes, seed, null);
  }

  /**
   * @param muvera the index's MUVERA encoding, computed here from each document's float tokens in
   *     the codebook's space (before quantisation, as MUVERA intends), or null for none
   */
  public TokenCompressor(Codebook codebook, int assignProbes, long seed, FdeConfig muvera) {
    this(codebook, assignProbes, seed, muvera, 1);
  }

  /** @param threads threads for the centroid search of each batch, at least 1 */
  public TokenCompressor(Codebook codebook, int assignProbes, long seed, FdeConfig muvera, int threads) {
    this.codebook = codebook;
    this.dim = codebook.dim();
    this.inputDim = codebook.inputDim();
    this.bpv = codebook.bytesPerVector();
    this.centroids = codebook.centroids();
    this.assigner = CentroidAssigner.forIndexing(centroids, codebook.numCentroids(), dim, assignProbes, seed, threads);
    this.muvera = muvera == null ? null : new FixedDimensionalEncoder(muvera, dim);
  }

  /** The codebook tokens are compressed with. */
  public Codebook codebook() {
    return codebook;
  }

  /** Fit of every token compressed so far. */
  public FitStats fit() {
    return fit;
  }

  /**
   * Compresses a batch. Every document must have {@code codebook.inputDim()} floats per token
   * (checked by the caller, which knows the document's location for the message).
   */
  public List<EncodedDocument> compress(List<DocumentVectors> batch) {
    int rows = 0;
    for (DocumentVectors d : batch) {
      rows += d.tokenCount();
    }
    float[] flat = new float[rows * inputDim];
    int r = 0;
    for (DocumentVectors d : batch) {
      System.arraycopy(d.vectors(), 0, flat, r * inputDim, d.tokenCount() * inputDim);
      r += d.tokenCount();
    }
    int[] ids = new int[rows];
    byte[] codes = new byte[rows * bpv];
    float[] projected = flat;
    if (rows > 0) {
      int all = rows;
      projected = codebook.projection().map(p -> p.applyAll(flat, all)).orElse(flat);
      codebook.encodeAllProjected(projected, rows, assigner, ids, codes);
      measure(projected, rows, ids, codes);
    }
    List<EncodedDocument> out = new ArrayList<>(batch.size());
    r = 0;
    for (DocumentVectors d : batch) {
      int n = d.tokenCount();
      int[] c = new int[n];
      System.arraycopy(ids, r, c, 0, n);
      byte[] b = new byte[n * bpv];
      System.arraycopy(codes, r * bpv, b, 0, n * bpv);
      float[] fde = null;
      if (muvera != null && n > 0) {
        fde = muvera.encodeDocument(java.util.Arrays.copyOfRange(projected, r * dim, (r + n) * dim), n);
      }
      out.add(new EncodedDocument(d.source(), n, c, b, d.tokens(), d.starts(), d.ends(), fde));
      r += n;
    }
    return out;
  }

  /** @param x the tokens in the codebook's space (projected) */
  private void measure(float[] x, int rows, int[] ids, byte[] codes) {
    float[] decoded = new float[dim];
    double err = 0;
    double norm = 0;
    double sim = 0;
    for (int i = 0; i < rows; i++) {
      codebook.decode(ids[i], codes, i * bpv, decoded, 0);
      int xo = i * dim;
      int co = ids[i] * dim;
      for (int d = 0; d < dim; d++) {
        float v = x[xo + d];
        float e = v - decoded[d];
        err += e * e;
        norm += v * v;
        sim += v * centroids[co + d];
      }
    }
    fit = fit.plus(new FitStats(rows, err, norm, sim));
  }
}
