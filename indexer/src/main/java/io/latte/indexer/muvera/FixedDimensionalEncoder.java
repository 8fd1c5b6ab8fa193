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
 * process; results agree up to the rounding of the SIMD or scalar dot-product kernel, which can only
 * move a token lying within rounding distance of a hyperplane. Immutable and thread-safe.
 */
public final class FixedDimensionalEncoder {
  private final FdeConfig config;
  private final int inputDim;
  private final int reps;
  private final int bits;
  private final int buckets;
  private final int bucketDim;
  private final int rawDim;
  private final int dimension;
  /** Every repetition's hyperplanes, {@code (reps · bits) × inputDim}: one kernel call per token. */
  private final float[] hyperplanes;
  /** Per repetition the {@code bucketDim × inputDim} projection; null for the identity. */
  private final float[][] projections;
  private final FdeRandomness.Sketch sketch;

  public FixedDimensionalEncoder(FdeConfig config, int inputDim) {
    this.config = Objects.requireNonNull(config, "config");
    if (inputDim < 1) {
      throw new IllegalArgumentException("inputDim must be >= 1, got " + inputDim);
    }
    this.inputDim = inputDim;
    this.reps = config.repetitions();
    this.bits = config.simhashBits();
    this.buckets = config.buckets();
    this.bucketDim = config.bucketDim(inputDim);
    this.rawDim = config.rawDimension(inputDim);
    this.dimension = config.dimension(inputDim);
    this.hyperplanes = new float[reps * bits * inputDim];
    this.projections = config.projectionDim() == 0 ? null : new float[reps][];
    for (int rep = 0; rep < reps; rep++) {
      float[] h = FdeRandomness.simhash(config.seed(), rep, bits, inputDim);
      System.arraycopy(h, 0, hyperplanes, rep * bits * inputDim, h.length);
      if (projections != null) {
        projections[rep] = FdeRandomness.projection(config.seed(), rep, bucketDim, inputDim);
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

  /**
   * The projection is linear, so a bucket's average (or sum) of projected tokens is the projection
   * of the average of its tokens: tokens are summed per bucket in the input space and each bucket is
   * projected once. That costs {@code buckets · p · d} per repetition instead of {@code tokens · p ·
   * d} (about 100× less for a 270-token document in 2 buckets); the result differs only by rounding.
   */
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
    int sides = reps * bits;
    float[] side = new float[n * sides]; // token t, repetition r, hyperplane j at t·sides + r·bits + j
    if (sides > 0) {
      for (int t = 0; t < n; t++) {
        VectorKernels.dotMany(flat, t * inputDim, hyperplanes, 0, sides, inputDim, side, t * sides);
      }
    }
    float[] raw = new float[rawDim];
    float[] sums = new float[buckets * inputDim];
    int[] count = new int[buckets];
    int[] code = new int[n];
    for (int rep = 0; rep < reps; rep++) {
      Arrays.fill(sums, 0f);
      Arrays.fill(count, 0);
      for (int t = 0; t < n; t++) {
        int c = 0;
        for (int j = 0, s = t * sides + rep * bits; j < bits; j++) {
          if (side[s + j] > 0) {
            c |= 1 << j;
          }
        }
        code[t] = c;
        count[c]++;
        VectorKernels.addTo(flat, t * inputDim, sums, c * inputDim, inputDim);
      }
      int block = rep * buckets * bucketDim;
      for (int b = 0; b < buckets; b++) {
        if (count[b] > 0) {
          if (document && count[b] > 1) {
            scale(sums, b * inputDim, 1f / count[b]);
          }
          write(rep, sums, b * inputDim, raw, block + b * bucketDim);
        } else if (document && n > 0) {
          write(rep, flat, nearest(code, n, b) * inputDim, raw, block + b * bucketDim);
        }
      }
    }
    return sketch == null ? raw : compress(raw);
  }

  private void scale(float[] v, int at, float f) {
    for (int i = 0; i < inputDim; i++) {
      v[at + i] *= f;
    }
  }

  /** Writes the bucket vector {@code v[from, from + inputDim)}, projected, at {@code out[at]}. */
  private void write(int rep, float[] v, int from, float[] out, int at) {
    if (projections == null) {
      System.arraycopy(v, from, out, at, inputDim);
    } else {
      VectorKernels.dotMany(v, from, projections[rep], 0, bucketDim, inputDim, out, at);
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
