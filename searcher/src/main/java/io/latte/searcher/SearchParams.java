package io.latte.searcher;

/**
 * Every search parameter, validated, with measured defaults ({@link #defaults()}). Messages name
 * parameters by their JSON names ({@code k_prime}, {@code t_prime}, {@code hybrid_with}, ...), the
 * names users type. Values larger than the index can use are clamped by the searcher, not here: k'
 * to the index's token count, candidates to its documents, nprobe to its centroids.
 *
 * <p>nprobe, k' and candidates default to {@link #AUTO}: the searcher computes them from the
 * index's statistics ({@link RetrievalDefaults}), because values tuned on one corpus size are wrong
 * on another (nprobe 16 / k' 250, tuned on SciFact's 1.4 M tokens, lost 5 % on a 69 k-token
 * collection). A value set explicitly ({@link #withNprobe} etc., 1 or more) always wins.
 *
 * @param k hits returned, 1..10000; default 10
 * @param nprobe clusters probed per query token by token retrieval, 1..65536; default {@link #AUTO}
 * @param imputation how a query token scores a document it retrieved nothing from
 * @param kPrime with {@link Imputation#XTR}: the k'-th best retrieved similarity is the imputed value;
 *     1..10^7; default {@link #AUTO}
 * @param tPrime with {@link Imputation#WARP}: cumulative cluster size (tokens) at which the imputed centroid
 *     score is read; 1..10^12
 * @param candidates documents re-scored exactly by {@code colbert} and {@code muvera}, and fused by
 *     {@code hybrid}; 1..100000; default {@link #AUTO}
 * @param fusion how {@code hybrid} fuses BM25 with the late-interaction ranking; default {@link
 *     Fusion#ADAPTIVE}: the only rule tried that reached max(BM25, late interaction) − 0.005 on all
 *     five shared collections (docs/BENCHMARKS.md §15)
 * @param hybridWith the late-interaction mode fused by {@code hybrid}: xtr, colbert, muvera or exact
 * @param hybridWeight with {@link Fusion#LINEAR}, the weight of the late-interaction score in [0, 1]
 * @param rrfK the constant of reciprocal-rank fusion (60 in the original paper), 1..10000
 */
public record SearchParams(
    int k,
    int nprobe,
    Imputation imputation,
    int kPrime,
    long tPrime,
    int candidates,
    Fusion fusion,
    SearchMode hybridWith,
    float hybridWeight,
    int rrfK) {

  /**
   * nprobe, k' or candidates not set: the searcher takes {@link RetrievalDefaults}' value for the
   * index searched. Never accepted from users (their values are 1 or more).
   */
  public static final int AUTO = 0;

  public static final int DEFAULT_K = 10;
  public static final long DEFAULT_T_PRIME = 20_000;
  public static final float DEFAULT_HYBRID_WEIGHT = 0.7f;
  public static final int DEFAULT_RRF_K = 60;
  public static final Fusion DEFAULT_FUSION = Fusion.ADAPTIVE;

  /** The engine's ranges (a server may cap further; see the server's SearchParamsBody). */
  public static final int MAX_K = 10_000;
  public static final int MAX_NPROBE = 65_536;
  public static final int MAX_K_PRIME = 10_000_000;
  public static final long MAX_T_PRIME = 1_000_000_000_000L;
  public static final int MAX_CANDIDATES = 100_000;
  public static final int MAX_RRF_K = 10_000;

  /** Missing-similarity imputation policies (see the xtr package). */
  public enum Imputation { XTR, WARP }

  /**
   * Fusion of two rankings: reciprocal rank; a linear blend of min-max-normalised scores with the
   * fixed {@code hybrid_weight}; or that blend with the weight set per query from how far each
   * ranking's top stands out from the rest of its list (see {@code ResultFusion}).
   */
  public enum Fusion { RRF, LINEAR, ADAPTIVE }

  public SearchParams {
    range("k", k, 1, MAX_K);
    autoOrRange("nprobe", nprobe, MAX_NPROBE);
    if (imputation == null) {
      throw new IllegalArgumentException("imputation must be xtr or warp");
    }
    autoOrRange("k_prime", kPrime, MAX_K_PRIME);
    if (tPrime < 1 || tPrime > MAX_T_PRIME) {
      throw new IllegalArgumentException("t_prime must be in [1, 10^12], got " + tPrime);
    }
    autoOrRange("candidates", candidates, MAX_CANDIDATES);
    if (fusion == null) {
      throw new IllegalArgumentException("fusion must be rrf, linear or adaptive");
    }
    if (hybridWith == null || hybridWith == SearchMode.BM25 || hybridWith == SearchMode.HYBRID) {
      throw new IllegalArgumentException("hybrid_with must be xtr, colbert, muvera or exact, got " + hybridWith);
    }
    if (!(hybridWeight >= 0 && hybridWeight <= 1)) {
      throw new IllegalArgumentException("hybrid_weight must be in [0, 1], got " + hybridWeight);
    }
    range("rrf_k", rrfK, 1, MAX_RRF_K);
  }

  public static SearchParams defaults() {
    return new SearchParams(DEFAULT_K, AUTO, Imputation.XTR, AUTO, DEFAULT_T_PRIME, AUTO, DEFAULT_FUSION, SearchMode.XTR, DEFAULT_HYBRID_WEIGHT, DEFAULT_RRF_K);
  }

  public SearchParams withK(int v) {
    return new SearchParams(v, nprobe, imputation, kPrime, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  /** An explicit nprobe, 1..65536 (never {@link #AUTO}). */
  public SearchParams withNprobe(int v) {
    range("nprobe", v, 1, MAX_NPROBE);
    return new SearchParams(k, v, imputation, kPrime, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withImputation(Imputation v) {
    return new SearchParams(k, nprobe, v, kPrime, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  /** An explicit k', 1..10^7 (never {@link #AUTO}). */
  public SearchParams withKPrime(int v) {
    range("k_prime", v, 1, MAX_K_PRIME);
    return new SearchParams(k, nprobe, imputation, v, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withTPrime(long v) {
    return new SearchParams(k, nprobe, imputation, kPrime, v, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  /** An explicit candidate count, 1..100000 (never {@link #AUTO}). */
  public SearchParams withCandidates(int v) {
    range("candidates", v, 1, MAX_CANDIDATES);
    return new SearchParams(k, nprobe, imputation, kPrime, tPrime, v, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withFusion(Fusion v) {
    return new SearchParams(k, nprobe, imputation, kPrime, tPrime, candidates, v, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withHybridWith(SearchMode v) {
    return new SearchParams(k, nprobe, imputation, kPrime, tPrime, candidates, fusion, v, hybridWeight, rrfK);
  }

  public SearchParams withHybridWeight(float v) {
    return new SearchParams(k, nprobe, imputation, kPrime, tPrime, candidates, fusion, hybridWith, v, rrfK);
  }

  public SearchParams withRrfK(int v) {
    return new SearchParams(k, nprobe, imputation, kPrime, tPrime, candidates, fusion, hybridWith, hybridWeight, v);
  }

  /** Whether nprobe, k' and candidates are all set (none left to {@link RetrievalDefaults}). */
  public boolean resolved() {
    return nprobe != AUTO && kPrime != AUTO && candidates != AUTO;
  }

  private static void autoOrRange(String name, long value, long max) {
    if (value != AUTO) {
      range(name, value, 1, max);
    }
  }

  private static void range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
