package io.latte.searcher;

import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;

/**
 * The token-retrieval defaults (nprobe, k', candidates) from the statistics of the index searched:
 * the one place where {@link SearchParams#AUTO} becomes a number, for every caller of the searcher
 * (CLI, HTTP server, engine, Lucene queries, bench, regress, eval). Explicit values are kept.
 *
 * <p><b>The rule</b> (T tokens, D live documents, L = T / D tokens per document, C centroids,
 * τ = T / C tokens per centroid):
 *
 * <pre>
 *   k'         = max(⌈L⌉, ⌈D / 20⌉)                       (at most T)
 *   nprobe     = ⌈max(20 · k', 5120) / τ⌉                  (1..C)
 *   candidates = max(200, ⌈2 · √D⌉)                        (at most D)
 * </pre>
 *
 * <p><b>Why.</b> k' is how many tokens each query token retrieves; the k'-th similarity is imputed
 * for every document that query token missed. With k' = D / 20 a query token's k' tokens come from
 * at most 5 % of the documents, so the imputed value is about the 95th percentile of the documents'
 * best similarity to that token on any corpus: the imputation means the same thing at every size. A
 * fixed k' does not: 250 tokens are 5 % of SciFact's 5 183 documents but 20 % of a 1 200-sentence
 * collection (imputing a low similarity to every document a token missed: 0.95 of exact MaxSim on
 * Spanish sentences) and 2 % of npl's 11 429 abstracts (imputing a high one: 0.95 there). XTR's k'
 * and WARP's t' grow with the collection for the same reason. k' is at least one document's worth
 * of tokens (L): a long document matches a query token with many of its tokens, which must not
 * crowd out the other documents (Cranfield, 198 tokens per document, lost 2 % with k' 50).
 *
 * <p>nprobe is what it takes to find those k' tokens: the probed clusters hold about nprobe · τ
 * tokens, and a query token's k' best lie in the clusters around it, so the scan covers a fixed
 * multiple (20) of k' — and at least 5 120 tokens, because on a small corpus the clusters are small
 * (τ ≈ √T / 4) and a query token's near neighbours spread over more of them than their share of k'
 * suggests (Spanish sentences, 69 k tokens, k' 50: nprobe 16 found 0.98 of exact MaxSim's quality,
 * 32 0.998, 64 1.008), while scanning 5 120 tokens costs little there. colbert re-scores its
 * candidates exactly, so they only have to contain exact MaxSim's top 10: 200 was enough on every
 * shared collection; past 10 000 documents the pool grows as √D.
 *
 * <p>On SciFact (T = 1.39 M, D = 5 183, τ = 338) the rule gives k' 268 and nprobe 16, next to the
 * values a sweep chose there (16 / 250); docs/BENCHMARKS.md §15 has the curves on all five shared
 * collections. The query length is not an input: each query token retrieves on its own, so the
 * budget each needs does not depend on how many there are (the cost grows linearly with the query,
 * as exact MaxSim's does).
 */
public final class RetrievalDefaults {
  /** k' is at least the documents divided by this (5 % of them). */
  static final int DOCS_PER_K_PRIME = 20;
  /** Tokens scanned per query token: at least this multiple of k' ... */
  static final int SCAN_PER_K_PRIME = 20;
  /** ... and at least this many. */
  static final int MIN_SCAN_TOKENS = 5120;
  static final int MIN_CANDIDATES = 200;
  /** Candidates grow as this multiple of √D once that exceeds {@link #MIN_CANDIDATES}. */
  static final int CANDIDATES_PER_SQRT_DOC = 2;

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
    long perDocument = s.documents() == 0 ? 1 : (long) Math.ceil((double) s.tokens() / s.documents());
    long bySize = (long) Math.ceil((double) s.documents() / DOCS_PER_K_PRIME);
    long cap = Math.max(1, Math.min(s.tokens(), SearchParams.MAX_K_PRIME));
    return (int) Math.clamp(Math.max(perDocument, bySize), 1, cap);
  }

  public static int nprobe(IndexStatistics s) {
    return nprobe(s, kPrime(s));
  }

  /** The probes that find {@code kPrime} tokens per query token (also for an explicit k'). */
  public static int nprobe(IndexStatistics s, int kPrime) {
    double scan = Math.max((double) SCAN_PER_K_PRIME * kPrime, MIN_SCAN_TOKENS);
    long n = (long) Math.ceil(scan / s.tokensPerCentroid());
    return (int) Math.clamp(n, 1, Math.min(s.centroids(), SearchParams.MAX_NPROBE));
  }

  public static int candidates(IndexStatistics s) {
    long n = Math.max(MIN_CANDIDATES, (long) Math.ceil(CANDIDATES_PER_SQRT_DOC * Math.sqrt(s.documents())));
    return (int) Math.clamp(n, 1, Math.max(1, Math.min(s.documents(), SearchParams.MAX_CANDIDATES)));
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
