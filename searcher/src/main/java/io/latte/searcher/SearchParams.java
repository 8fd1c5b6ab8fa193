package io.latte.searcher;

/**
 * Every search parameter, validated, with measured defaults ({@link #defaults()}). Messages name
 * parameters by their JSON names ({@code k_prime}, {@code t_prime}, {@code hybrid_with}, ...), the
 * names users type. Values larger than the index can use are clamped by the searcher, not here: k'
 * to the index's token count, candidates to its documents, nprobe to its centroids.
 *
 * @param k hits returned, 1..10000; default 10
 * @param nprobe clusters probed per query token by token retrieval, 1..65536; default {@value #DEFAULT_NPROBE}
 *     (with k' {@value #DEFAULT_K_PRIME}: chosen on SciFact's train queries over nprobe 8–64 × k'
 *     100–1000 as the best nDCG@10 there, 0.9996 of exact re-ranking, and among the fastest; a
 *     smaller k' imputes a higher similarity and prunes more tokens; see docs/BENCHMARKS.md §4d)
 * @param imputation how a query token scores a document it retrieved nothing from
 * @param kPrime with {@link Imputation#XTR}: the k'-th best retrieved similarity is the imputed value; 1..10^7
 * @param tPrime with {@link Imputation#WARP}: cumulative cluster size (tokens) at which the imputed centroid
 *     score is read; 1..10^12
 * @param candidates documents re-scored exactly by {@code colbert} and {@code muvera}, and fused by {@code hybrid}; 1..100000
 * @param fusion how {@code hybrid} fuses BM25 with the late-interaction ranking; default {@link
 *     Fusion#LINEAR} with weight {@value #DEFAULT_HYBRID_WEIGHT}: chosen on SciFact's train queries
 *     (linear 0.4–0.8 and RRF; RRF ranked below the late-interaction mode alone there), see
 *     docs/BENCHMARKS.md
 * @param hybridWith the late-interaction mode fused by {@code hybrid}: xtr, colbert, muvera or exact
 * @param hybridWeight with linear fusion, the weight of the late-interaction score in [0, 1]
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

  public static final int DEFAULT_K = 10;
  public static final int DEFAULT_NPROBE = 16;
  public static final int DEFAULT_K_PRIME = 250;
  public static final long DEFAULT_T_PRIME = 20_000;
  public static final int DEFAULT_CANDIDATES = 200;
  public static final float DEFAULT_HYBRID_WEIGHT = 0.7f;
  public static final int DEFAULT_RRF_K = 60;
  public static final Fusion DEFAULT_FUSION = Fusion.LINEAR;

  /** The engine's ranges (a server may cap further; see the server's SearchParamsBody). */
  public static final int MAX_K = 10_000;
  public static final int MAX_NPROBE = 65_536;
  public static final int MAX_K_PRIME = 10_000_000;
  public static final long MAX_T_PRIME = 1_000_000_000_000L;
  public static final int MAX_CANDIDATES = 100_000;
  public static final int MAX_RRF_K = 10_000;

  /** Missing-similarity imputation policies (see the xtr package). */
  public enum Imputation { XTR, WARP }

  /** Fusion of two rankings. */
  public enum Fusion { RRF, LINEAR }

  public SearchParams {
    range("k", k, 1, MAX_K);
    range("nprobe", nprobe, 1, MAX_NPROBE);
    if (imputation == null) {
      throw new IllegalArgumentException("imputation must be xtr or warp");
    }
    range("k_prime", kPrime, 1, MAX_K_PRIME);
    if (tPrime < 1 || tPrime > MAX_T_PRIME) {
      throw new IllegalArgumentException("t_prime must be in [1, 10^12], got " + tPrime);
    }
    range("candidates", candidates, 1, MAX_CANDIDATES);
    if (fusion == null) {
      throw new IllegalArgumentException("fusion must be rrf or linear");
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
    return new SearchParams(DEFAULT_K, DEFAULT_NPROBE, Imputation.XTR, DEFAULT_K_PRIME, DEFAULT_T_PRIME,
        DEFAULT_CANDIDATES, DEFAULT_FUSION, SearchMode.XTR, DEFAULT_HYBRID_WEIGHT, DEFAULT_RRF_K);
  }

  public SearchParams withK(int v) {
    return new SearchParams(v, nprobe, imputation, kPrime, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withNprobe(int v) {
    return new SearchParams(k, v, imputation, kPrime, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withImputation(Imputation v) {
    return new SearchParams(k, nprobe, v, kPrime, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withKPrime(int v) {
    return new SearchParams(k, nprobe, imputation, v, tPrime, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withTPrime(long v) {
    return new SearchParams(k, nprobe, imputation, kPrime, v, candidates, fusion, hybridWith, hybridWeight, rrfK);
  }

  public SearchParams withCandidates(int v) {
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

  private static void range(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
