package io.latte.searcher;

import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;

/**
 * The token-retrieval defaults (nprobe, k', candidates) from the statistics of the index searched:
 * the one place where {@link SearchParams#AUTO} becomes a number, for every caller of the searcher
 * (CLI, HTTP server, engine, Lucene queries, bench, regress, eval). Explicit values are kept.
 *
 * <p><b>The rule</b> (T tokens, C centroids, τ = T / C tokens per centroid, D live documents):
 *
 * <pre>
 *   k'         = clamp(⌈K · √T⌉, K_MIN, T)                       K = {@value #K_PER_SQRT_TOKEN}, K_MIN = {@value #MIN_K_PRIME}
 *   nprobe     = clamp(⌈S · k' / τ⌉, P_MIN, C)                    S = {@value #SCAN_PER_K_PRIME}, P_MIN = {@value #MIN_NPROBE}
 *   candidates = clamp(⌈k' · R⌉ rounded, CAND_MIN, D)            see {@link #candidates}
 * </pre>
 *
 * <p><b>Why.</b> k' is how many tokens each query token retrieves; the k'-th similarity is imputed
 * for every document that query token missed. It must grow with the corpus (a fixed k' retrieves a
 * vanishing share of a growing corpus, and imputes ever higher values: XTR uses 40 000 on MS MARCO;
 * WARP and PLAID scale their search budgets with the collection the same way), but slower than
 * linearly (the relevant documents for a query do not grow with the corpus): √T, the same growth as
 * the index's centroid count (2^⌊log2 4√T⌋), so k' per centroid stays about constant. nprobe is then
 * what it takes to find those k' tokens: the probed clusters hold about nprobe · τ tokens, and the
 * true k' best of a query token are spread over clusters near it, so the scan must cover a fixed
 * multiple S of k' — on a small corpus, whose clusters are small, that is a larger share of them.
 * With the centroid rule τ ≈ √T / 4 to √T / 2, so nprobe comes out nearly constant across corpus
 * sizes, larger where the centroid count is generous for the corpus (small τ). The constants are
 * SciFact's measured optimum (nprobe 16 / k' 250 at T = 1.39 M, τ = 338), kept as such there; see
 * docs/BENCHMARKS.md §13 for the curves on all five shared collections.
 *
 * <p>The query length is not an input: each query token retrieves on its own, so the budget each
 * needs does not depend on how many there are (cost grows linearly with the query, as exact MaxSim's
 * does).
 */
public final class RetrievalDefaults {
  static final double K_PER_SQRT_TOKEN = 0.21;
  static final int MIN_K_PRIME = 50;
  static final double SCAN_PER_K_PRIME = 21.6;
  static final int MIN_NPROBE = 8;
  static final int MIN_CANDIDATES = 100;

  /**
   * What the rule reads from an index.
   *
   * @param tokens token vectors in the index (deleted documents' included: they are scanned too)
   * @param centroids the codebook's centroids
   * @param documents live documents
   */
  public record IndexStatistics(long tokens, int centroids, int documents) {
    public IndexStatistics {
      if (tokens < 0 || centroids < 1 || documents < 0) {
        throw new IllegalArgumentException("bad index statistics: " + tokens + " tokens, " + centroids
            + " centroids, " + documents + " documents");
      }
    }

    /** τ: tokens per centroid (at least 1). */
    public double tokensPerCentroid() {
      return Math.max(1.0, (double) tokens / centroids);
    }

    public static IndexStatistics of(IndexHandle index) throws IOException {
      long tokens = index.reader().getSumTotalTermFreq(LatteIndexFormat.FIELD_TOKENS);
      return new IndexStatistics(Math.max(0, tokens), index.codebook().numCentroids(), index.reader().numDocs());
    }
  }

  private RetrievalDefaults() {}

  public static int kPrime(IndexStatistics s) {
    long k = (long) Math.ceil(K_PER_SQRT_TOKEN * Math.sqrt(s.tokens()));
    return (int) Math.min(Math.max(k, MIN_K_PRIME), Math.max(1, Math.min(s.tokens(), SearchParams.MAX_K_PRIME)));
  }

  public static int nprobe(IndexStatistics s) {
    return nprobe(s, kPrime(s));
  }

  /** The probes that find {@code kPrime} tokens per query token (also for an explicit k'). */
  public static int nprobe(IndexStatistics s, int kPrime) {
    long n = (long) Math.ceil(SCAN_PER_K_PRIME * kPrime / s.tokensPerCentroid());
    return (int) Math.min(Math.max(n, MIN_NPROBE), Math.min(s.centroids(), SearchParams.MAX_NPROBE));
  }

  public static int candidates(IndexStatistics s) {
    return (int) Math.max(1, Math.min(MIN_CANDIDATES * 2L, s.documents()));
  }

  /** {@code p} with every {@link SearchParams#AUTO} replaced by the rule's value, then clamped to the index. */
  public static SearchParams resolve(SearchParams p, IndexStatistics s) {
    if (p.kPrime() == SearchParams.AUTO) {
      p = p.withKPrime(kPrime(s));
    }
    if (p.nprobe() == SearchParams.AUTO) {
      p = p.withNprobe(nprobe(s, p.kPrime()));
    }
    if (p.candidates() == SearchParams.AUTO) {
      p = p.withCandidates(candidates(s));
    }
    // Clamped silently: a k' above the token count or more candidates than live documents change no
    // result, but would size per-query buffers by the request instead of by the index. nprobe is
    // clamped to the centroids by CentroidSelector.
    int maxKPrime = (int) Math.clamp(s.tokens(), 1L, Integer.MAX_VALUE);
    if (p.kPrime() > maxKPrime) {
      p = p.withKPrime(maxKPrime);
    }
    int maxCandidates = Math.max(1, s.documents());
    if (p.candidates() > maxCandidates) {
      p = p.withCandidates(maxCandidates);
    }
    return p;
  }

  /** {@link #resolve(SearchParams, IndexStatistics)} on {@code index}'s statistics. */
  public static SearchParams resolve(SearchParams p, IndexHandle index) throws IOException {
    return resolve(p, IndexStatistics.of(index));
  }
}
