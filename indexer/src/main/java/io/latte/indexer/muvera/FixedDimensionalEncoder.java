package io.latte.indexer.muvera;

import io.latte.indexer.vector.VectorKernels;
import java.util.Arrays;
import java.util.Objects;

/**
 * MUVERA fixed-dimensional encodings (Dhulipala et al. 2024): one vector per token set such that
 * {@code encodeQuery(Q) · encodeDocument(D)} approximates Chamfer similarity {@code Σ_q max_d q·d}
 * (MaxSim), so a single-vector index can find candidates for exact MaxSim re-ranking.
 *
 * <p>Per repetition: {@code k = simhashBits} Gaussian hyperplanes put every token into one of
 * {@code 2^k} buckets (its sign pattern); each token is projected ({@code ψ(x) = S x / √p}, or kept
 * when {@code projectionDim = 0}); the block of bucket {@code b} is
 *
 * <ul>
 *   <li>for a query, the <b>sum</b> of its tokens' projections in {@code b}: each query token then
 *       contributes {@code q · (its bucket's document block)} — one term per query token, as in
 *       MaxSim;
 *   <li>for a document, the <b>average</b> of its tokens' projections in {@code b}: the stand-in for
 *       "the best document token near q" (tokens in q's bucket are near q); an empty bucket takes the
 *       projection of the document token whose sign pattern is nearest in Hamming distance (ties: the
 *       first such token), so a query token whose bucket the document missed still meets the
 *       document's closest token rather than zero.
 * </ul>
 *
 * Repetitions are concatenated (their inner products add, which averages out partition noise), and
 * a {@code finalDim} count-sketch optionally compresses the result. The dot product of the two
 * encodings is a scaled estimate ({@code ≈ repetitions ×}) of Chamfer similarity; only its order is
 * used.
 *
 * <p>Inputs are token vectors in the space MaxSim uses (the codebook's space, after any index-time
 * projection; for documents, the float vectors before quantisation). The random matrices come from
 * the config's seed only ({@link FdeRandomness}), so the same config gives the same encoder in any
 * process. Immutable and thread-safe.
 */
public final class FixedDimensionalEncoder {
  private final FdeConfig config;
  private final int inputDim;
  private final int bits;
  private final int buckets;
  private final int bucketDim;
  private final boolean identity;
  private final int rowsPerRep;
  private final int rawDim;
  private final int dimension;
  /** All repetitions' rows: per repetition {@code bits} hyperplanes, then {@code p} projection rows. */
  private final float[] matrix;
  private final FdeRandomness.Sketch sketch;

  public FixedDimensionalEncoder(FdeConfig config, int inputDim) {
    this.config = Objects.requireNonNull(config, "config");
    if (inputDim < 1) {
      throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
    }
    this.inputDim = inputDim;
    this.bits = config.simhashBits();
    this.buckets = config.buckets();
    this.identity = config.projectionDim() == 0;
    this.bucketDim = config.bucketDim(inputDim);
    this.rawDim = config.rawDimension(inputDim);
    this.dimension = config.dimension(inputDim);
    this.rowsPerRep = bits + (identity ? 0 : bucketDim);
    this.matrix = new float[config.repetitions() * rowsPerRep * inputDim];
    for (int rep = 0; rep < config.repetitions(); rep++) {
      int off = rep * rowsPerRep * inputDim;
      float[] h = FdeRandomness.simhash(config.seed(), rep, bits, inputDim);
      System.arraycopy(h, 0, matrix, off, h.length);
      if (!identity) {
        float[] p = FdeRandomness.projection(config.seed(), rep, bucketDim, inputDim);
        System.arraycopy(p, 0, matrix, off + h.length, p.length);
      }
    }
    this.sketch = config.finalDim() == 0 ? null : FdeRandomness.finalSketch(config.seed(), rawDim, config.finalDim());
  }

  public FdeConfig config() {
    return config;
  }

  /** Floats per input token. */
  public int inputDim() {
    return inputDim;
  }

  /** Floats per encoding. */
  public int dimension() {
    return dimension;
  }

  /**
   * The encoding of a document: per bucket the average of its tokens, empty buckets filled.
   *
   * @param tokensFlat row-major {@code tokens × inputDim} (only the first {@code tokens · inputDim}
   *     floats are read)
   * @param tokens number of tokens; 0 gives the zero vector
   */
  public float[] encodeDocument(float[] tokensFlat, int tokens) {
    return encode("tokensFlat", tokensFlat, tokens, true);
  }

  /**
   * The encoding of a query: per bucket the sum of its tokens, no filling.
   *
   * @param queryFlat row-major {@code tokens × inputDim}
   * @param tokens number of query tokens; 0 gives the zero vector
   */
  public float[] encodeQuery(float[] queryFlat, int tokens) {
    return encode("queryFlat", queryFlat, tokens, false);
  }

  private float[] encode(String name, float[] flat, int n, boolean document) {
    Objects.requireNonNull(flat, name);
    if (n < 0) {
      throw new IllegalArgumentException("tokens must be >= 0, got " + n);
    }
    if (flat.length < (long) n * inputDim) {
      throw new IllegalArgumentException(
          name + " must hold tokens * inputDim = " + n + " * " + inputDim + " = " + ((long) n * inputDim)
              + " floats, got " + flat.length);
    }
    int rows = rowsPerRep * config.repetitions();
    float[] proj = new float[n * rows]; // per token: every hyperplane side and projection, all reps
    for (int t = 0; t < n; t++) {
      VectorKernels.dotMany(flat, t * inputDim, matrix, 0, rows, inputDim, proj, t * rows);
    }
    float[] raw = new float[rawDim];
    int[] code = new int[n];
    int[] count = new int[buckets];
    for (int rep = 0; rep < config.repetitions(); rep++) {
      int block = rep * buckets * bucketDim;
      Arrays.fill(count, 0);
      for (int t = 0; t < n; t++) {
        int s = t * rows + rep * rowsPerRep;
        int c = 0;
        for (int j = 0; j < bits; j++) {
          if (proj[s + j] > 0) {
            c |= 1 << j;
          }
        }
        code[t] = c;
        count[c]++;
        add(flat, proj, t, s, raw, block + c * bucketDim);
      }
      if (document) {
        for (int b = 0; b < buckets; b++) {
          if (count[b] > 1) {
            scale(raw, block + b * bucketDim, 1f / count[b]);
          } else if (count[b] == 0 && n > 0) {
            int t = nearest(code, n, b);
            add(flat, proj, t, t * rows + rep * rowsPerRep, raw, block + b * bucketDim);
          }
        }
      }
    }
    return sketch == null ? raw : compress(raw);
  }

  /** Adds token {@code t}'s bucket vector (its projection, or the token itself) at {@code out[at]}. */
  private void add(float[] flat, float[] proj, int t, int sketchOff, float[] out, int at) {
    if (identity) {
      for (int i = 0; i < bucketDim; i++) {
        out[at + i] += flat[t * inputDim + i];
      }
    } else {
      int from = sketchOff + bits;
      for (int i = 0; i < bucketDim; i++) {
        out[at + i] += proj[from + i];
      }
    }
  }

  private void scale(float[] v, int at, float f) {
    for (int i = 0; i < bucketDim; i++) {
      v[at + i] *= f;
    }
  }

  /** The first token whose bucket code is nearest to {@code bucket} in Hamming distance. */
  private static int nearest(int[] code, int n, int bucket) {
    int best = 0;
    int bestDistance = Integer.MAX_VALUE;
    for (int t = 0; t < n; t++) {
      int d = Integer.bitCount(code[t] ^ bucket);
      if (d < bestDistance) {
        best = t;
        bestDistance = d;
      }
    }
    return best;
  }

  private float[] compress(float[] raw) {
    float[] out = new float[dimension];
    int[] b = sketch.buckets();
    float[] s = sketch.signs();
    for (int i = 0; i < raw.length; i++) {
      out[b[i]] += s[i] * raw[i];
    }
    return out;
  }
}
