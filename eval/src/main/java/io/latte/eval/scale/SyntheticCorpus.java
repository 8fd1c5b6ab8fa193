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
 * <p><b>How a document is made.</b> Its length is the length of a real document drawn at random (the
 * real length distribution). Its tokens come from {@link Options#sources()} real documents drawn at
 * random, in proportion to their length (a document's tokens stay topically related, as in real text, while two synthetic
 * documents almost never share the same sources), each token a real token of one of them, drawn at
 * random, moved off it by Gaussian noise and renormalised: {@code normalize(v + σ·g)}, with σ set so
 * that the expected cosine to the real token is {@link Options#similarity()}. The noise keeps every
 * synthetic token distinct from the real ones and from each other (no near-duplicate copies of a
 * few real documents, which would make token retrieval look easier or harder than it is) while the
 * tokens stay where real tokens are: in the same clusters, at about the same distances.
 *
 * <p>Whether the statistics match the real corpus (tokens per centroid, nearest-neighbour
 * similarities, xtr's agreement with exact MaxSim) is for the scale benchmark to measure, not
 * assumed here.
 */
public final class SyntheticCorpus implements VectorCorpus {

  /**
   * @param seed any value; the same seed gives the same corpus
   * @param documents how many documents
   * @param sources real documents mixed into each synthetic one, at least 1
   * @param similarity expected cosine of a synthetic token to the real token it was made from, in
   *     (0, 1): 1 would copy real tokens, lower spreads them further
   */
  public record Options(long seed, long documents, int sources, double similarity) {
    public Options {
      if (documents < 0) {
        throw new IllegalArgumentException("documents must be >= 0, got " + documents);
      }
      if (sources < 1) {
        throw new IllegalArgumentException("sources must be >= 1, got " + sources);
      }
      if (!(similarity > 0 && similarity < 1)) {
        throw new IllegalArgumentException("similarity must be in (0, 1), got " + similarity);
      }
    }

    /** Two sources per document, tokens at cosine 0.95 from their real originals. */
    public static Options defaults(long seed, long documents) {
      return new Options(seed, documents, 2, 0.95);
    }
  }

  /**
   * Bumped whenever the same options would make other documents: the fingerprint keys the exact
   * ground-truth cache and resumable builds, which must never serve answers for an older generator.
   * 2: sources drawn in proportion to their length. 3: noise from a pool of Gaussian vectors (same
   * distribution, ~20× faster to generate).
   */
  public static final int GENERATOR_VERSION = 3;

  /**
   * Gaussian noise vectors drawn once per corpus; a token's noise is the sum of two of them, chosen
   * at random, scaled by σ/√2 — a Gaussian of variance σ² per coordinate like a fresh draw, at two
   * loads per coordinate instead of one {@code nextGaussian()} (≈ 20 ns: 384 of them per token made
   * generation, not indexing, the slowest stage of a build from synthetic vectors). With 4 096² pairs,
   * two copies of the same real token share their noise with probability 6·10⁻⁸: no near-duplicates.
   */
  static final int NOISE_POOL = 4096;

  private final EncodedCorpus real;
  private final Options options;
  /** σ/√2: each token's noise is the sum of two pool vectors, which has variance σ² per coordinate. */
  private final float halfSigma;
  /** {@link #NOISE_POOL} standard Gaussian vectors of {@code dim} floats, drawn from the seed. */
  private final float[] noise;
  /** {@code tokensBefore[d]}: real tokens in documents before {@code d}; last entry = all tokens. */
  private final long[] tokensBefore;

  public SyntheticCorpus(EncodedCorpus real, Options options) {
    if (real.size() == 0) {
      throw new IllegalArgumentException("the real corpus is empty");
    }
    this.real = real;
    this.options = options;
    // For a unit v and g ~ N(0, σ²·I_d): ‖v + σg‖² ≈ 1 + σ²d, so cos(v, v + σg) ≈ 1/√(1 + σ²d).
    double s2d = 1 / (options.similarity() * options.similarity()) - 1;
    this.halfSigma = (float) Math.sqrt(s2d / real.dim() / 2);
    this.noise = new float[NOISE_POOL * real.dim()];
    SplittableRandom g = new SplittableRandom(mix(options.seed(), -1));
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) g.nextGaussian();
    }
    this.tokensBefore = new long[real.size() + 1];
    for (int d = 0; d < real.size(); d++) {
      tokensBefore[d + 1] = tokensBefore[d] + real.tokenCount(d);
    }
    if (tokensBefore[real.size()] == 0) {
      throw new IllegalArgumentException("the real corpus has no tokens");
    }
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
    // One generator per document, split from (seed, i): documents are independent of each other
    // and of the order in which they are made.
    SplittableRandom r = new SplittableRandom(mix(options.seed(), i));
    int dim = real.dim();
    int length = real.tokenCount(r.nextInt(real.size()));
    int[] sources = new int[options.sources()];
    for (int s = 0; s < sources.length; s++) {
      sources[s] = documentOfToken(r.nextLong(tokensBefore[tokensBefore.length - 1]));
    }
    float[] out = new float[length * dim];
    for (int t = 0; t < length; t++) {
      int doc = sources[r.nextInt(sources.length)];
      float[] from = real.tokens(doc);
      int token = r.nextInt(real.tokenCount(doc));
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

  /**
   * The real document holding real token number {@code t}: sources drawn this way are weighted by
   * their length, so every real token is equally likely to seed a synthetic one. Drawing documents
   * uniformly over-weighted the tokens of short documents (tokens per centroid off by KL 0.10 from
   * the real corpus on Cranfield, docs/BENCHMARKS.md §11a).
   */
  private int documentOfToken(long t) {
    int i = java.util.Arrays.binarySearch(tokensBefore, t);
    int d = i >= 0 ? i : -i - 2;
    while (real.tokenCount(d) == 0) { // t == tokensBefore[d] for empty documents: move to the holder
      d++;
    }
    return d;
  }

  /** A 64-bit mix of seed and index (SplitMix64's finaliser), so nearby indexes are unrelated. */
  static long mix(long seed, long i) {
    long z = seed * 0x9E3779B97F4A7C15L + i + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
