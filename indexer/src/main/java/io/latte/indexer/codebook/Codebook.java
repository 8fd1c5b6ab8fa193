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
 * {@link #bytesPerVector()} bytes of codes).
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
 *                                            bit 2 = decoded vectors are scaled to unit length
 *                                            (version 2; see {@link #normalizesDecoded()})
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
 * TooOld}; version 1, the same layout without flag bit 2, is still read), the CRC32 ({@link org.apache.lucene.index.CorruptIndexException}), then that the length
 * matches the header. {@link #write} is atomic: a temp file in the same directory, fsync, atomic
 * rename, fsync of the directory.
 *
 * <p>Immutable and thread-safe.
 */
public final class Codebook {

  /** The format version this build writes (2: flag bit 2, unit-length decoding). */
  public static final int FORMAT_VERSION = 2;

  /** The oldest format version this build reads (1: as 2, never normalising decoded vectors). */
  public static final int MIN_FORMAT_VERSION = 1;

  /**
   * A training sample whose every vector has a length within this of 1 is taken to be unit-length
   * (the encoders normalise; float32 rounding leaves ~1e-7), and the codebook then decodes to unit length.
   */
  public static final float UNIT_LENGTH_TOLERANCE = 1e-3f;

  /**
   * The most a unit-length-decoding codebook scales a decoded vector by, and the inverse the least:
   * part of the format, so that a scan can bound a token's scaled similarity from its unscaled one
   * without reading the token's length. Decoded lengths seen on the shared collections (2 bits) lie
   * within 0.85..1.07 (xquad-r-ru, Cranfield: 166 k and 276 k tokens), inside 0.8..1.25; only a degenerate vector near zero length is clamped.
   */
  public static final float MAX_DECODE_SCALE = 1.25f;

  private final int inputDim;
  private final int dim;
  private final Projection projection;
  private final int numCentroids;
  private final float[] centroids;
  private final ResidualQuantizer quantizer;
  private final float trainingError;
  private final boolean normalizesDecoded;
  /** Centroids packed for the SIMD kernel on first use (single-vector encode, centroid scores). */
  private volatile PackedVectors packedCentroids;
  /** Lazily made for {@link #squaredLengthTables} (benign race: any thread's copy is the same). */
  private volatile float[] squareTables;

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

  /**
   * @param normalizesDecoded scale every decoded vector to unit length (only without a projection:
   *     the token vectors must be unit-length themselves)
   */
  public Codebook(
      int inputDim,
      Projection projection,
      float[] centroids,
      int numCentroids,
      ResidualQuantizer quantizer,
      float trainingError,
      boolean normalizesDecoded) {
    Checks.positive("inputDim", inputDim);
    if (normalizesDecoded && projection != null) {
      throw new IllegalArgumentException("normalizesDecoded needs a codebook without projection");
    }
    this.normalizesDecoded = normalizesDecoded;
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
   * Whether {@link #decode} scales its result to unit length. True for codebooks trained on
   * unit-length vectors (what every embedded and ColBERT/XTR encoder emits) without projection.
   *
   * <p>Why: the token vectors are unit-length, but {@code centroid + decoded residual} is not — each
   * bucket decodes to the mean of its values, which shrinks the residual, by an amount that varies
   * from token to token. Those length errors move every similarity of a token up or down together,
   * and MaxSim, a maximum over a document's tokens, picks them up as a per-document bias. Measured
   * with {@code latte compression} on xquad-r-ru (2 bits, 1 024 centroids): compressed exact
   * MaxSim nDCG@10 0.3610 → 0.3808 against float 0.3815 (0.946 → 0.998 ×); with 4 bits and no
   * scaling only 0.3730. The cost is one norm per decoded token, no bytes.
   */
  public boolean normalizesDecoded() {
    return normalizesDecoded;
  }

  /**
   * {@code 1 / |centroid + decoded residual|} when {@link #normalizesDecoded()}, else 1: the factor a
   * similarity computed from {@code (centroid, codes)} without decoding (centroid score plus residual
   * tables) is multiplied by to equal the similarity with {@link #decode}'s vector.
   *
   * @param scratch at least {@link #dim()} floats, overwritten
   */
  public float decodedScale(int centroid, byte[] codes, int off, float[] scratch) {
    if (!normalizesDecoded) {
      return 1f;
    }
    quantizer.decode(codes, off, scratch, 0);
    VectorKernels.addTo(centroids, centroid * dim, scratch, 0, dim);
    return inverseLength(scratch, 0);
  }

  private float inverseLength(float[] v, int off) {
    return scaleForSquaredLength(VectorKernels.dot(v, off, v, off, dim));
  }

  /**
   * The factor a decoded vector of squared length {@code n2} is scaled by: {@code 1/√n2}, clamped to
   * {@code [1/MAX_DECODE_SCALE, MAX_DECODE_SCALE]}.
   */
  public static float scaleForSquaredLength(float n2) {
    if (!(n2 > 0f)) {
      return MAX_DECODE_SCALE;
    }
    float s = (float) (1.0 / Math.sqrt(n2));
    return Math.max(1f / MAX_DECODE_SCALE, Math.min(MAX_DECODE_SCALE, s));
  }

  /** The largest factor {@link #decodedScale} returns: {@link #MAX_DECODE_SCALE}, or 1 when not normalising. */
  public float maxDecodedScale() {
    return normalizesDecoded ? MAX_DECODE_SCALE : 1f;
  }

  /**
   * Nibble tables (the layout of {@link ResidualScorer#nibbleTables}) of the squared length of {@code
   * centroid + decoded residual} less {@code |centroid|²}: entry {@code Σ_d 2 c_d w_d + w_d²} over the
   * nibble's dimensions, so a token's squared decoded length is the return value plus the sum of its
   * {@code 2 · bytesPerVector} entries. Lets a scan compute {@link #decodedScale} from codes it holds
   * in another layout, with one lookup per nibble instead of a decode.
   *
   * @param out at least {@code 32 · bytesPerVector} floats
   * @return {@code |centroid|²}
   */
  public float squaredLengthTables(int centroid, float[] out) {
    // Nibble tables are linear in the query and doubling a float is exact: table(2c) = 2 · table(c).
    ResidualScorer.nibbleTables(quantizer, centroids, centroid * dim, out, 0);
    float[] squares = squareTables();
    for (int i = 0; i < squares.length; i++) {
      out[i] = 2 * out[i] + squares[i];
    }
    return VectorKernels.dot(centroids, centroid * dim, centroids, centroid * dim, dim);
  }

  /** The query-independent {@code Σ w²} nibble tables, made on first use. */
  private float[] squareTables() {
    float[] t = squareTables;
    if (t == null) {
      t = new float[32 * quantizer.bytesPerVector()];
      ResidualScorer.addSquareTables(quantizer, t, 0);
      squareTables = t;
    }
    return t;
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
  }

  /** Reconstructs a codebook-space vector: {@code centroid + decoded residual}. */
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
    if (normalizesDecoded) {
      float s = inverseLength(out, outOff);
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
