package io.latte.indexer.vector;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The one entry point for float kernels: dot products, batched dot products and MaxSim.
 *
 * <p>The implementation is chosen once, when this class is initialised: SIMD ({@code
 * jdk.incubator.vector}) when the module is in the boot layer, scalar otherwise, with a log line
 * saying which and why. Setting the system property {@value #FORCE_SCALAR_PROPERTY}{@code =true}
 * forces scalar (for comparisons). Results of the two agree up to float rounding.
 *
 * <p>Consistency: {@link #maxSim} and {@link #maxSimPerToken} run the same code, so the per-token
 * maxima returned for an explanation sum to exactly the score. {@link #dot} and {@link #dotMany} use
 * another summation order and may differ from those maxima in the last bits.
 *
 * <p>All {@code *Flat} arrays are row-major: row {@code i} occupies {@code [i * dim, (i + 1) *
 * dim)}. Arguments are checked; a bad one throws {@link IllegalArgumentException} naming it.
 */
public final class VectorKernels {

  /** System property that forces the scalar implementation. */
  public static final String FORCE_SCALAR_PROPERTY = "latte.vector.scalar";

  private static final Logger LOG = System.getLogger(VectorKernels.class.getName());
  private static final Kernels IMPL = select();

  private VectorKernels() {}

  private static Kernels select() {
    if (Boolean.getBoolean(FORCE_SCALAR_PROPERTY)) {
      LOG.log(Level.INFO, "Using scalar vector kernels: -D" + FORCE_SCALAR_PROPERTY + "=true");
      return new ScalarKernels();
    }
    Kernels panama = tryPanama();
    if (panama != null) {
      LOG.log(Level.INFO, "Using SIMD vector kernels: " + panama.name());
      return panama;
    }
    return new ScalarKernels();
  }

  /** The SIMD implementation, or null (with a warning saying why) when it cannot be used here. */
  static Kernels tryPanama() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Module jdk.incubator.vector is not enabled, so vector kernels are scalar (several times"
              + " slower). Start the JVM with --add-modules jdk.incubator.vector.");
      return null;
    }
    try {
      // A fixed name, loaded reflectively so that this class links without the incubator module.
      Class<?> c = Class.forName("io.latte.indexer.vector.PanamaKernels");
      return (Kernels) c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      LOG.log(
          Level.WARNING,
          "SIMD vector kernels unavailable (" + cause + "); using scalar kernels.");
      return null;
    }
  }

  static Kernels impl() {
    return IMPL;
  }

  /** Name of the active implementation, e.g. {@code "panama(512-bit)"} or {@code "scalar"}. */
  public static String implementationName() {
    return IMPL.name();
  }

  /** Dot product of two vectors of equal length. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "b.length must equal a.length=" + a.length + ", got " + b.length);
    }
    return IMPL.dot(a, 0, b, 0, a.length);
  }

  /** Dot product of {@code a[aOff, aOff + dim)} and {@code b[bOff, bOff + dim)}. */
  public static float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
    checkDim(dim);
    checkRange("a", a, aOff, 1, dim);
    checkRange("b", b, bOff, 1, dim);
    return IMPL.dot(a, aOff, b, bOff, dim);
  }

  /** {@code out[r] = q · matrix row r} for {@code r < rows}; {@code q} has {@code dim} floats. */
  public static void dotMany(float[] q, float[] matrixFlat, int rows, int dim, float[] out) {
    dotMany(q, 0, matrixFlat, 0, rows, dim, out, 0);
  }

  /** Offset form of {@link #dotMany(float[], float[], int, int, float[])}. */
  public static void dotMany(
      float[] q, int qOff, float[] matrixFlat, int mOff, int rows, int dim, float[] out, int outOff) {
    checkDim(dim);
    checkCount("rows", rows);
    checkRange("q", q, qOff, 1, dim);
    checkRange("matrixFlat", matrixFlat, mOff, rows, dim);
    checkRange("out", out, outOff, rows, 1);
    IMPL.dotMany(q, qOff, matrixFlat, mOff, rows, dim, out, outOff);
  }

  /**
   * {@code acc[accOff + i] += v[vOff + i]} for {@code i < len}: summing vectors (e.g. bucket sums of
   * token vectors). Each element is one float addition, so every implementation gives the same bits.
   */
  public static void addTo(float[] v, int vOff, float[] acc, int accOff, int len) {
    checkCount("len", len);
    checkRange("v", v, vOff, 1, len);
    checkRange("acc", acc, accOff, 1, len);
    IMPL.addTo(v, vOff, acc, accOff, len);
  }

  /**
   * MaxSim: {@code Σ_i max_j q_i · d_j}. A document with no tokens scores 0.
   *
   * @param queryFlat {@code queryTokens * dim} floats
   * @param docFlat {@code docTokens * dim} floats
   */
  public static float maxSim(
      float[] queryFlat, int queryTokens, float[] docFlat, int docTokens, int dim) {
    return maxSimPerToken(queryFlat, queryTokens, docFlat, docTokens, dim, null, null);
  }

  /**
   * MaxSim with its explanation: for each query token {@code i}, {@code maxOut[i] = max_j q_i · d_j}
   * and {@code argmaxOut[i]} = the lowest {@code j} reaching it. Returns the sum of {@code maxOut}
   * in query order, bit-identical to {@link #maxSim}. With no document tokens every max is 0 and
   * every argmax -1.
   *
   * @param maxOut null, or at least {@code queryTokens} floats
   * @param argmaxOut null, or at least {@code queryTokens} ints
   */
  public static float maxSimPerToken(
      float[] queryFlat,
      int queryTokens,
      float[] docFlat,
      int docTokens,
      int dim,
      float[] maxOut,
      int[] argmaxOut) {
    checkDim(dim);
    checkCount("queryTokens", queryTokens);
    checkRange("queryFlat", queryFlat, 0, queryTokens, dim);
    return maxSimPerToken(
        pack(queryFlat, 0, queryTokens, dim), docFlat, docTokens, maxOut, argmaxOut);
  }

  /** {@link #maxSim} with a query packed once by {@link #pack}, for scoring many documents. */
  public static float maxSim(PackedVectors query, float[] docFlat, int docTokens) {
    return maxSimPerToken(query, docFlat, docTokens, null, null);
  }

  /** {@link #maxSimPerToken(float[], int, float[], int, int, float[], int[])} with a packed query. */
  public static float maxSimPerToken(
      PackedVectors query, float[] docFlat, int docTokens, float[] maxOut, int[] argmaxOut) {
    Objects.requireNonNull(query, "query");
    checkCount("docTokens", docTokens);
    checkRange("docFlat", docFlat, 0, docTokens, query.dim);
    int qt = query.rows;
    if (maxOut != null) {
      checkRange("maxOut", maxOut, 0, qt, 1);
    }
    if (argmaxOut != null && argmaxOut.length < qt) {
      throw new IllegalArgumentException(
          "argmaxOut.length must be >= queryTokens=" + qt + ", got " + argmaxOut.length);
    }
    if (docTokens == 0) {
      for (int i = 0; i < qt; i++) {
        if (maxOut != null) {
          maxOut[i] = 0f;
        }
        if (argmaxOut != null) {
          argmaxOut[i] = -1;
        }
      }
      return 0f;
    }
    MaxDotAccumulator acc = new MaxDotAccumulator(query);
    acc.accept(docFlat, 0, docTokens);
    float sum = 0f;
    for (int i = 0; i < qt; i++) {
      float m = acc.best(i);
      sum += m;
      if (maxOut != null) {
        maxOut[i] = m;
      }
      if (argmaxOut != null) {
        argmaxOut[i] = acc.bestIndex(i);
      }
    }
    return sum;
  }

  /**
   * Packs {@code rows} rows of {@code dim} floats from {@code flat[off]} for {@link #maxSim(
   * PackedVectors, float[], int)} or a {@link MaxDotAccumulator}.
   */
  public static PackedVectors pack(float[] flat, int off, int rows, int dim) {
    return pack(IMPL, flat, off, rows, dim);
  }

  static PackedVectors pack(Kernels kernels, float[] flat, int off, int rows, int dim) {
    checkDim(dim);
    checkCount("rows", rows);
    checkRange("flat", flat, off, rows, dim);
    return new PackedVectors(kernels, flat, off, rows, dim);
  }

  /**
   * All dot products between rows {@code [rowFrom, rowTo)} of the row-major matrix {@code rows} and
   * the packed rows: {@code out[outOff + (j - rowFrom) * outStride + i] = rows_j · packed_i}. Each
   * output row is written over {@link PackedVectors#paddedRows()} entries (padding lanes hold
   * garbage), so {@code outStride} must be at least that. Entries are bit-identical to the ones a
   * {@link MaxDotAccumulator} compares, which lets callers mix the two.
   */
  public static void dotMatrix(
      PackedVectors packed, float[] rows, int rowFrom, int rowTo, float[] out, int outOff, int outStride) {
    Objects.requireNonNull(packed, "packed");
    if (rowFrom < 0 || rowFrom > rowTo) {
      throw new IllegalArgumentException("rowFrom must be in [0, rowTo=" + rowTo + "], got " + rowFrom);
    }
    checkRange("rows", rows, 0, rowTo, packed.dim);
    if (outStride < packed.paddedRows) {
      throw new IllegalArgumentException(
          "outStride must be >= packed.paddedRows()=" + packed.paddedRows + ", got " + outStride);
    }
    int n = rowTo - rowFrom;
    if (n == 0 || packed.rows == 0) {
      return;
    }
    checkRange("out", out, outOff, n - 1, outStride);
    checkRange("out", out, outOff + (n - 1) * outStride, 1, packed.paddedRows);
    packed.kernels.dotPacked(
        packed.data, packed.paddedRows, packed.dim, rows, rowFrom, rowTo, out, outOff, outStride);
  }

  private static void checkDim(int dim) {
    if (dim < 1) {
      throw new IllegalArgumentException("dim must be >= 1, got " + dim);
    }
  }

  private static void checkCount(String name, int count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + count);
    }
  }

  private static void checkRange(String name, float[] array, int off, int rows, int dim) {
    Objects.requireNonNull(array, name);
    long end = (long) off + (long) rows * dim;
    if (off < 0 || end > array.length) {
      throw new IllegalArgumentException(
          name
              + " must hold ["
              + off
              + ", "
              + end
              + ") ("
              + rows
              + " rows x "
              + dim
              + "), but its length is "
              + array.length);
    }
  }
}
