package io.latte.eval.scale;

import io.latte.eval.encode.EncodedCorpus;
import io.latte.indexer.input.TokenVectors;
import io.latte.indexer.input.TokenVectorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Token-vector documents synthesised from real encoded token vectors, for corpora too large to
 * encode (the scale issue: 100 M tokens would take weeks of encoding here and 154 GB as floats).
 * Nothing is materialised: document {@code i} is a pure function of the seed, {@code i} and the
 * real corpus, so the corpus streams in order with one document in memory, and any document can
 * be regenerated alone (ground truth computed in parallel, spot checks).
 *
 * <p><b>How a document is made.</b> The corpus runs in epochs of as many documents as the real
 * corpus has. Each epoch deals the real documents out in a keyed pseudo-random order ({@link
 * #permute}) and cuts each one in two at a random token; synthetic document {@code j} of the epoch is
 * the second part of real document {@code π(j)} followed by the first part of {@code π(j + 1)}: two
 * real documents' topics, as in a document that covers two related subjects, and never the same
 * pair twice. Every real token is used exactly once per epoch, so at the real corpus's size no
 * real token has two synthetic copies, and at k times its size each has exactly k. Each used token is
 * moved off its real original by Gaussian noise and renormalised, {@code normalize(v + σ·g)}, with σ
 * set so that the expected cosine to the original is {@link Options#similarity()}: no synthetic
 * token equals a real one or another synthetic one.
 *
 * <p>Generator v2 drew each document's tokens with replacement from two length-weighted random
 * sources; then a real token had Poisson-many copies in the corpus, and every tenth sampled token's
 * nearest neighbour in another document was its own sibling copy (cosine ≈ similarity²), which
 * pushed the nearest-neighbour distribution far above the real one (KS 0.27 at a 131 072-token sample,
 * docs/BENCHMARKS.md §14). Dealing the tokens out removes those copies.
 *
 * <p>Whether the statistics match the real corpus (tokens per centroid, nearest-neighbour
 * similarities, xtr's agreement with exact MaxSim) is for the scale benchmark to measure, not
 * assumed here.
 */
public final class SyntheticCorpus implements VectorCorpus {

  /**
   * @param seed any value; the same seed gives the same corpus
   * @param documents how many documents
   * @param similarity expected cosine of a synthetic token to the real token it was made from, in
   *     (0, 1): 1 would copy real tokens, lower spreads them further
   */
  public record Options(long seed, long documents, double similarity) {
    public Options {
      if (documents < 0) {
        throw new IllegalArgumentException("documents must be >= 0, got " + documents);
      }
      if (!(similarity > 0 && similarity < 1)) {
        throw new IllegalArgumentException("similarity must be in (0, 1), got " + similarity);
      }
    }

    /** Tokens at cosine {@value #DEFAULT_SIMILARITY} from their real originals. */
    public static Options defaults(long seed, long documents) {
      return new Options(seed, documents, DEFAULT_SIMILARITY);
    }
  }

  /** The default {@link Options#similarity()}. */
  public static final double DEFAULT_SIMILARITY = 0.95;

  /**
   * Bumped whenever the same options would make other documents: the fingerprint keys the exact
   * ground-truth cache and resumable builds, which must never serve answers for an older generator.
   * 2: sources drawn in proportion to their length. 3: real documents dealt out once per epoch, each
   * split between two synthetic documents; noise from a pool of Gaussian vectors. 4: the pool holds
   * differences between neighbouring real tokens instead of Gaussians.
   */
  public static final int GENERATOR_VERSION = 4;

  /**
   * Noise vectors made once per corpus; a token's noise is the sum of two of them, chosen at random,
   * scaled by σ/√2 (two loads per coordinate: 1.5–3× faster than a fresh Gaussian draw per token,
   * docs/BENCHMARKS.md §14). With 4 096² pairs, two uses of the same real token share their noise
   * with probability 6·10⁻⁸: no near-duplicates.
   */
  static final int NOISE_POOL = 4096;

  /**
   * Real tokens each pool vector's partner is chosen from: the most similar of this many random
   * ones. More finds nearer neighbours (directions within a cluster rather than across topics) at
   * {@code NOISE_POOL · this · dim} multiply-adds once per corpus (0.4 G: well under a second).
   */
  static final int NEIGHBOUR_CANDIDATES = 256;

  private final EncodedCorpus real;
  private final Options options;
  /** σ/√2: each token's noise is the sum of two pool vectors, which has variance σ² per coordinate. */
  private final float halfSigma;
  /**
   * {@link #NOISE_POOL} vectors of {@code dim} floats with mean squared norm {@code dim}, like
   * standard Gaussians, but shaped like the real corpus ({@link #neighbourDifferences}).
   */
  private final float[] noise;

  public SyntheticCorpus(EncodedCorpus real, Options options) {
    if (real.size() == 0) {
      throw new IllegalArgumentException("the real corpus is empty");
    }
    this.real = real;
    this.options = options;
    // For a unit v and g ~ N(0, σ²·I_d): ‖v + σg‖² ≈ 1 + σ²d, so cos(v, v + σg) ≈ 1/√(1 + σ²d).
    double s2d = 1 / (options.similarity() * options.similarity()) - 1;
    this.halfSigma = (float) Math.sqrt(s2d / real.dim() / 2);
    if (real.totalTokens() == 0) {
      throw new IllegalArgumentException("the real corpus has no tokens");
    }
    this.noise = neighbourDifferences(real, new SplittableRandom(mix(options.seed(), -1)));
  }

  @Override
  public long documents() {
    return options.documents();
  }

  @Override
  public String fingerprint() {
    return "synthetic from " + real.modelName() + " " + real.modelChecksum() + " (" + real.size() + " docs, "
        + real.totalTokens() + " tokens) " + options + " v" + GENERATOR_VERSION;
  }

  @Override
  public String id(long i) {
    return idOf(i);
  }

  @Override
  public int dim() {
    return real.dim();
  }

  public Options options() {
    return options;
  }

  /** The id of document {@code i}: {@code s<i>}. */
  public static String idOf(long i) {
    return "s" + i;
  }

  /** Document {@code i}'s token vectors, unit length, {@code tokens × dim} row-major. */
  @Override
  public TokenVectors document(long i) {
    if (i < 0 || i >= options.documents()) {
      throw new IndexOutOfBoundsException("document " + i + " of " + options.documents());
    }
    int n = real.size();
    long epoch = i / n;
    long j = i % n;
    long key = mix(options.seed() ^ 0x3C6EF372FE94F82BL, epoch);
    int first = (int) permute(j, n, key); // its second part comes first
    int second = (int) permute((j + 1) % n, n, key);
    int fromFirst = real.tokenCount(first) - cut(key, first);
    int fromSecond = cut(key, second);
    int length = fromFirst + fromSecond;
    int dim = real.dim();
    float[] out = new float[length * dim];
    // The noise of document i: its own generator, split from (seed, i), so documents are independent
    // of each other and of the order in which they are made.
    SplittableRandom r = new SplittableRandom(mix(options.seed(), i));
    for (int t = 0; t < length; t++) {
      float[] from = t < fromFirst ? real.tokens(first) : real.tokens(second);
      int token = t < fromFirst ? real.tokenCount(first) - fromFirst + t : t - fromFirst;
      int a = r.nextInt(NOISE_POOL) * dim;
      int b = r.nextInt(NOISE_POOL) * dim;
      int o = t * dim;
      int f = token * dim;
      // Elementwise (the JIT vectorises it); the norm is summed in order below so that the corpus is
      // the same bits on every JVM, with or without the SIMD kernels.
      for (int k = 0; k < dim; k++) {
        out[o + k] = from[f + k] + halfSigma * (noise[a + k] + noise[b + k]);
      }
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        norm += (double) out[o + k] * out[o + k];
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int k = 0; k < dim; k++) {
        out[o + k] *= inv;
      }
    }
    return new TokenVectors(out, length, dim, null, null, null);
  }

  /**
   * The noise pool: differences between a random real token and the most similar of {@link
   * #NEIGHBOUR_CANDIDATES} other random real tokens, with a random sign, all scaled by one factor to
   * a mean squared norm of {@code dim}. Generator v3 used isotropic Gaussian noise: it spreads the
   * same energy over every dimension, while real tokens vary around their neighbours in few
   * directions; the 2-bit residual buckets then lost more of a synthetic token than of a real one
   * (colbert's recall@10 against float exact MaxSim 0.829 synthetic vs 0.889 real, docs/BENCHMARKS.md
   * §20d). A difference between neighbouring real tokens has the covariance of the real variation
   * between near tokens, so the noise moves a token the way real tokens differ. Sums are taken in
   * order in double: the same pool on every JVM.
   */
  static float[] neighbourDifferences(EncodedCorpus real, SplittableRandom g) {
    int dim = real.dim();
    long[] starts = new long[real.size() + 1]; // token offsets, to draw tokens uniformly
    for (int d = 0; d < real.size(); d++) {
      starts[d + 1] = starts[d] + real.tokenCount(d);
    }
    float[] pool = new float[NOISE_POOL * dim];
    double squared = 0;
    for (int i = 0; i < NOISE_POOL; i++) {
      float[] a = real.tokens(docOf(starts, g.nextLong(starts[real.size()])));
      int ao = (int) (g.nextLong(0, a.length / dim)) * dim;
      float[] best = null;
      int bo = 0;
      double bestDot = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < NEIGHBOUR_CANDIDATES; c++) {
        long t = g.nextLong(starts[real.size()]);
        int d = docOf(starts, t);
        float[] b = real.tokens(d);
        int o = (int) (t - starts[d]) * dim;
        double dot = 0;
        for (int k = 0; k < dim; k++) {
          dot += (double) a[ao + k] * b[o + k];
        }
        if (dot > bestDot && !(b == a && o == ao)) {
          bestDot = dot;
          best = b;
          bo = o;
        }
      }
      float sign = g.nextBoolean() ? 1f : -1f;
      for (int k = 0; k < dim; k++) {
        float v = best == null ? 0f : sign * (a[ao + k] - best[bo + k]);
        pool[i * dim + k] = v;
        squared += (double) v * v;
      }
    }
    float scale = squared == 0 ? 0f : (float) Math.sqrt((double) dim * NOISE_POOL / squared);
    for (int i = 0; i < pool.length; i++) {
      pool[i] *= scale;
    }
    return pool;
  }

  /** The document holding token {@code t} of the corpus ({@code starts}: cumulative token counts). */
  private static int docOf(long[] starts, long t) {
    int i = java.util.Arrays.binarySearch(starts, t);
    if (i < 0) {
      return -i - 2;
    }
    while (i + 1 < starts.length && starts[i + 1] == t) {
      i++; // skip empty documents
    }
    return i;
  }

  /**
   * Where real document {@code d} is cut in epoch {@code key}: its tokens {@code [0, cut)} end one
   * synthetic document, {@code [cut, n)} start the next. Inside the document for two tokens or more,
   * so that both parts are non-empty.
   */
  private int cut(long key, int d) {
    int n = real.tokenCount(d);
    if (n < 2) {
      return n == 1 ? (int) (mix(key ^ 0x6A09E667F3BCC909L, d) & 1) : 0;
    }
    return 1 + (int) Long.remainderUnsigned(mix(key ^ 0x6A09E667F3BCC909L, d), n - 1);
  }

  /**
   * A keyed pseudo-random permutation of {@code [0, n)}: a 4-round Feistel network over the smallest
   * even power of two ≥ n, walked until it lands inside (fewer than 4 steps expected). O(1) per
   * value, nothing stored, so any document can be made alone.
   */
  static long permute(long x, long n, long key) {
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
    bits += bits & 1;
    int half = bits / 2;
    long mask = (1L << half) - 1;
    long v = x;
    do {
      long left = v >>> half;
      long right = v & mask;
      for (int round = 0; round < 4; round++) {
        long next = left ^ (mix(key + round, right) & mask);
        left = right;
        right = next;
      }
      v = (left << half) | right;
    } while (v >= n);
    return v;
  }

  /** Writes the corpus as a LATTEVEC file ({@code latte index --vectors FILE}); returns the tokens. */
  public long writeTo(Path file) throws IOException {
    long tokens = 0;
    try (TokenVectorsWriter w = TokenVectorsWriter.create(file, dim())) {
      for (long i = 0; i < options.documents(); i++) {
        TokenVectors v = document(i);
        w.write(idOf(i), v.values(), v.tokenCount());
        tokens += v.tokenCount();
      }
    }
    return tokens;
  }

  /** A 64-bit mix of seed and index (SplitMix64's finaliser), so nearby indexes are unrelated. */
  static long mix(long seed, long i) {
    long z = seed * 0x9E3779B97F4A7C15L + i + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
