package io.latte.indexer.codebook;

import io.latte.indexer.vector.PackedVectors;
import io.latte.indexer.vector.VectorKernels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to compress token vectors and to score against compressed ones: an optional
 * {@link Projection} (input → {@link #dim()} dimensions), unit-length centroids in the projected
 * space, and a {@link ResidualQuantizer} for {@code v - centroid}. A token is stored as (centroid id,
 * {@link #bytesPerVector()} bytes of codes): the residual's {@link #residualBytes()}, then, when the
 * codebook {@linkplain #storesScale() stores scales}, one {@link TokenScale} byte.
 *
 * <p>Vectors passed to {@code encode*} are in the <em>input</em> space ({@link #inputDim()}); decoded
 * vectors and everything scored against codes are in the <em>codebook</em> space ({@link #dim()}):
 * project query tokens with {@link #project} first.
 *
 * <h2>File layout</h2>
 *
 * All numbers little-endian; floats IEEE 754 binary32.
 *
 * <pre>
 * offset  type                               content
 * 0       byte[4]                            magic "LTCB" (0x4C 0x54 0x43 0x42)
 * 4       int32                              format version = {@link #FORMAT_VERSION}
 * 8       int32                              inputDim
 * 12      int32                              dim (= inputDim without projection)
 * 16      int32                              numCentroids K
 * 20      int32                              bits b ∈ {1, 2, 4}
 * 24      int32                              flags: bit 0 = projection present,
 *                                            bit 1 = quantizer buckets pooled (else per dimension),
 *                                            bit 2 = version 2 only, no longer read: decoded
 *                                            vectors scaled to unit length, the scale computed
 *                                            from the codes (superseded by bit 3),
 *                                            bit 3 = each token's codes end with a scale byte
 *                                            (version 3; see {@link #storesScale()})
 * 28      float32                            trainingError (mean squared quantisation error; NaN = unknown)
 * 32      float32[dim * inputDim]            projection rows, row-major (only if flag bit 0)
 * ...     float32[K * dim]                   centroids, row-major
 * ...     float32[dim * (2^b - 1)]           quantizer cut-offs, dimension-major, ascending
 * ...     float32[dim * 2^b]                 quantizer weights, dimension-major
 * ...     float32[dim]                       per-dimension minimum of the training residuals
 * ...     float32[dim]                       per-dimension maximum of the training residuals
 * end-4   int32                              CRC32 of every preceding byte
 * </pre>
 *
 * Readers check, in order: the length covers a header and footer, the magic, the version (a
 * different one is rejected with {@link org.apache.lucene.index.IndexFormatTooNewException} / {@code
 * TooOld}; versions 1 and 2, the same layout without flag bit 3, are still read, except a version 2
 * codebook with flag bit 2, refused with the command that rebuilds its index), the CRC32 ({@link org.apache.lucene.index.CorruptIndexException}), then that the length
 * matches the header. {@link #write} is atomic: a temp file in the same directory, fsync, atomic
 * rename, fsync of the directory.
 *
 * <p>Immutable and thread-safe.
 */
public final class Codebook {

  /** The format version this build writes (3: flag bit 3, a stored scale byte per token). */
  public static final int FORMAT_VERSION = 3;

  /** The oldest format version this build reads (1 and 2: as 3 without scale bytes). */
  public static final int MIN_FORMAT_VERSION = 1;

  private final int inputDim;
  private final int dim;
  private final Projection projection;
  private final int numCentroids;
  private final float[] centroids;
  private final ResidualQuantizer quantizer;
  private final float trainingError;
  private final boolean storesScale;
  /** Centroids packed for the SIMD kernel on first use (single-vector encode, centroid scores). */
  private volatile PackedVectors packedCentroids;

  /** The result of encoding one vector. */
  public record Encoded(int centroid, byte[] codes) {}

  /**
   * @param projection null for none
   * @param centroids {@code numCentroids * dim} floats (copied), dim = projection output or inputDim
   * @param trainingError mean squared quantisation error on the training sample, or NaN
   */
  public Codebook(int inputDim, Projection projection, float[] centroids, int numCentroids,
      ResidualQuantizer quantizer, float trainingError) {
    this(inputDim, projection, centroids, numCentroids, quantizer, trainingError, false);
  }

  /** @param storesScale every token's codes end with a {@link TokenScale} byte ({@link #storesScale()}) */
  public Codebook(
      int inputDim,
      Projection projection,
      float[] centroids,
      int numCentroids,
      ResidualQuantizer quantizer,
      float trainingError,
      boolean storesScale) {
    Checks.positive("inputDim", inputDim);
    this.storesScale = storesScale;
    Objects.requireNonNull(quantizer, "quantizer");
    if (projection != null && projection.inputDim() != inputDim) {
      throw new IllegalArgumentException(
          "projection.inputDim must be inputDim=" + inputDim + ", got " + projection.inputDim());
    }
    this.inputDim = inputDim;
    this.projection = projection;
    this.dim = projection == null ? inputDim : projection.outputDim();
    if (quantizer.dim() != dim) {
      throw new IllegalArgumentException("quantizer.dim must be " + dim + ", got " + quantizer.dim());
    }
    this.numCentroids = Checks.positive("numCentroids", numCentroids);
    Objects.requireNonNull(centroids, "centroids");
    if (centroids.length != numCentroids * dim) {
      throw new IllegalArgumentException(
          "centroids.length must be numCentroids * dim = " + numCentroids + " * " + dim + ", got "
              + centroids.length);
    }
    this.centroids = centroids.clone();
    this.quantizer = quantizer;
    this.trainingError = trainingError;
  }

  public int formatVersion() {
    return FORMAT_VERSION;
  }

  /**
   * Whether every token's codes end with a {@link TokenScale} byte that {@link #decode} multiplies
   * {@code centroid + decoded residual} by: the token's own length over the decoded one's.
   * The default for new indexes (codebook format 3).
   *
   * <p>Why: {@code centroid + decoded residual} is too short or too long by an amount that varies
   * from token to token (each bucket decodes to the mean of its values, which shrinks the residual,
   * more for tokens far from their centroid: the rare, distinctive ones). Those errors move every
   * similarity of a token together, and MaxSim, a maximum over a document's tokens, turns them into a
   * per-document bias. Measured with {@code latte compression} on xquad-r-ru (2 bits, 1 024
   * centroids): compressed exact MaxSim 0.946 × float without a scale, 0.998 × with one; 4 bits without
   * only 0.978 × (BENCHMARKS §16, §20). The cost is one byte per token, and a multiplication.
   */
  public boolean storesScale() {
    return storesScale;
  }

  /**
   * The factor a similarity computed from {@code (centroid, codes[off..])} without decoding (centroid
   * score plus residual tables) is multiplied by to equal the similarity with {@link #decode}'s
   * vector: the token's stored {@link TokenScale}, or 1 without one.
   */
  public float scale(byte[] codes, int off) {
    return storesScale ? TokenScale.factor(codes[off + quantizer.bytesPerVector()]) : 1f;
  }

  /** The largest factor {@link #scale} can return: {@link TokenScale#MAX}, or 1 without scales. */
  public float maxScale() {
    return storesScale ? TokenScale.MAX : 1f;
  }

  /** The smallest factor {@link #scale} can return. */
  public float minScale() {
    return 1f / maxScale();
  }

  /** Dimensions of the vectors given to {@code encode}. */
  public int inputDim() {
    return inputDim;
  }

  /** Dimensions of centroids, residuals and decoded vectors. */
  public int dim() {
    return dim;
  }

  public Optional<Projection> projection() {
    return Optional.ofNullable(projection);
  }

  public int numCentroids() {
    return numCentroids;
  }

  public int bits() {
    return quantizer.bits();
  }

  public ResidualQuantizer quantizer() {
    return quantizer;
  }

  /** Bytes of residual codes per token. */
  public int bytesPerVector() {
    return quantizer.bytesPerVector() + (storesScale ? 1 : 0);
  }

  /** Code bytes of a token's residual: {@link #bytesPerVector()} less the scale byte, if any. */
  public int residualBytes() {
    return quantizer.bytesPerVector();
  }

  /** Mean squared quantisation error measured on the training sample, or NaN if unknown. */
  public float trainingError() {
    return trainingError;
  }

  /** A copy of all centroids, {@code numCentroids * dim} floats row-major. */
  public float[] centroids() {
    return centroids.clone();
  }

  /** The centroid matrix itself, for kernels in this package; never modified. */
  float[] centroidsNoCopy() {
    return centroids;
  }

  /** Brute-force assigner over this codebook's centroids. */
  public CentroidAssigner exactAssigner(int threads) {
    return new ExactCentroidAssigner(centroids, numCentroids, dim, threads);
  }

  /** Projects an input-space vector into codebook space (a copy when there is no projection). */
  public float[] project(float[] v) {
    if (v.length != inputDim) {
      throw new IllegalArgumentException("v.length must be inputDim=" + inputDim + ", got " + v.length);
    }
    return projection == null ? v.clone() : projection.apply(v);
  }

  private PackedVectors packedCentroids() {
    PackedVectors p = packedCentroids;
    if (p == null) {
      // Benign race: two threads may both pack; the results are equal.
      p = VectorKernels.pack(centroids, 0, numCentroids, dim);
      packedCentroids = p;
    }
    return p;
  }

  /**
   * {@code out[outOff + t * numCentroids + c] = q_t · centroid_c} for {@code tokens} codebook-space
   * vectors (already projected) stored row-major in {@code queryFlat}: the centroid half of every
   * token score, and what centroid selection ranks. Bit-identical to the similarities the
   * assigners report.
   */
  public void scoreCentroids(float[] queryFlat, int tokens, float[] out, int outOff) {
    Checks.matrix("queryFlat", queryFlat, tokens, dim);
    long need = (long) outOff + (long) tokens * numCentroids;
    if (outOff < 0 || need > out.length) {
      throw new IllegalArgumentException(
          "out must hold outOff + tokens * numCentroids = " + need + " floats, got " + out.length);
    }
    PackedVectors p = packedCentroids();
    if (tokens == 0) {
      return;
    }
    // All tokens in one call: the kernel walks the centroid panels once and scores every token
    // against a panel while it is in cache (one call per token streamed the whole matrix each time).
    int stride = p.paddedRows();
    if (stride == numCentroids) { // no padding (k a multiple of the panel width): straight into out
      VectorKernels.dotMatrix(p, queryFlat, 0, tokens, out, outOff, stride);
      return;
    }
    float[] rows = new float[tokens * stride];
    VectorKernels.dotMatrix(p, queryFlat, 0, tokens, rows, 0, stride);
    for (int t = 0; t < tokens; t++) {
      System.arraycopy(rows, t * stride, out, outOff + t * numCentroids, numCentroids);
    }
  }

  /**
   * Encodes one input-space vector; the same result as {@link #encodeAll} with the exact assigner.
   */
  public Encoded encode(float[] v) {
    float[] x = project(v);
    float[] scores = new float[numCentroids];
    scoreCentroids(x, 1, scores, 0);
    int c = 0;
    for (int j = 1; j < numCentroids; j++) {
      if (scores[j] > scores[c]) {
        c = j; // strict: ties keep the lowest id, as the assigners do
      }
    }
    byte[] codes = new byte[bytesPerVector()];
    encodeResidual(x, 0, c, codes, 0, new float[dim]);
    return new Encoded(c, codes);
  }

  /**
   * Encodes {@code rows} input-space vectors: {@code centroidOut[i]} and {@code codesOut[i *
   * bytesPerVector(), (i + 1) * bytesPerVector())}.
   *
   * @param assigner how to find centroids (e.g. {@link #exactAssigner} or a two-level one built on
   *     {@link #centroids()}); must match this codebook's centroids
   */
  public void encodeAll(
      float[] flat, int rows, CentroidAssigner assigner, int[] centroidOut, byte[] codesOut) {
    Checks.matrix("flat", flat, rows, inputDim);
    encodeAllProjected(projection == null ? flat : projection.applyAll(flat, rows), rows, assigner, centroidOut, codesOut);
  }

  /**
   * {@link #encodeAll} for vectors already in the codebook's space ({@link #projection()} applied),
   * for callers that need the projected vectors themselves too and should not project twice.
   */
  public void encodeAllProjected(
      float[] x, int rows, CentroidAssigner assigner, int[] centroidOut, byte[] codesOut) {
    Checks.matrix("x", x, rows, dim);
    Objects.requireNonNull(assigner, "assigner");
    if (assigner.numCentroids() != numCentroids || assigner.dim() != dim) {
      throw new IllegalArgumentException(
          "assigner must cover " + numCentroids + " centroids of dim " + dim + ", got "
              + assigner.numCentroids() + " of dim " + assigner.dim());
    }
    Checks.atLeast("centroidOut", centroidOut, rows);
    long needBytes = (long) rows * bytesPerVector();
    if (codesOut.length < needBytes) {
      throw new IllegalArgumentException(
          "codesOut.length must be >= rows * bytesPerVector = " + needBytes + ", got " + codesOut.length);
    }
    assigner.assign(x, 0, rows, centroidOut, null, 0);
    float[] residual = new float[dim];
    int bpv = bytesPerVector();
    for (int i = 0; i < rows; i++) {
      encodeResidual(x, i * dim, centroidOut[i], codesOut, i * bpv, residual);
    }
  }

  private void encodeResidual(
      float[] x, int off, int centroid, byte[] out, int outOff, float[] residual) {
    int c = centroid * dim;
    for (int d = 0; d < dim; d++) {
      residual[d] = x[off + d] - centroids[c + d];
    }
    quantizer.encode(residual, 0, out, outOff);
    if (storesScale) {
      // the scale of what decode would give unscaled: centroid + decoded residual, in place
      quantizer.decode(out, outOff, residual, 0);
      VectorKernels.addTo(centroids, c, residual, 0, dim);
      out[outOff + quantizer.bytesPerVector()] = TokenScale.encode(TokenScale.lengthRatio(x, off, residual, 0, dim));
    }
  }

  /** Reconstructs a codebook-space vector: {@code scale · (centroid + decoded residual)}. */
  public float[] decode(int centroid, byte[] codes) {
    float[] out = new float[dim];
    decode(centroid, codes, 0, out, 0);
    return out;
  }

  /** Decodes {@code codes[off..]} with {@code centroid} into {@code out[outOff, outOff + dim)}. */
  public void decode(int centroid, byte[] codes, int off, float[] out, int outOff) {
    if (centroid < 0 || centroid >= numCentroids) {
      throw new IllegalArgumentException(
          "centroid must be in [0, " + numCentroids + "), got " + centroid);
    }
    quantizer.decode(codes, off, out, outOff);
    VectorKernels.addTo(centroids, centroid * dim, out, outOff, dim); // residual + centroid, per element
    if (storesScale) {
      float s = scale(codes, off);
      for (int d = 0; d < dim; d++) {
        out[outOff + d] *= s;
      }
    }
  }

  /** Writes this codebook to {@code path} atomically in the layout described above. */
  public void write(Path path) throws IOException {
    CodebookFormat.write(this, path);
  }

  /** Reads and verifies a codebook written by {@link #write}. */
  public static Codebook read(Path path) throws IOException {
    return CodebookFormat.read(path);
  }
}
