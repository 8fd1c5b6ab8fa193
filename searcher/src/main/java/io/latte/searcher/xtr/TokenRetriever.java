package io.latte.searcher.xtr;

import io.latte.indexer.codebook.ResidualScorer;
import io.latte.indexer.format.CentroidTerms;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Stage 2 of token retrieval: for each query token, scan the postings of its probed clusters in
 * one segment and score every token straight from its residual codes (the payload) with the query
 * token's lookup tables: {@code q · v̂ = q · c + LUT(codes)}. Keeps, per (document, query token), the
 * best similarity and its token position, and feeds every similarity to the query token's k'-th
 * best tracker. Documents are never read whole.
 *
 * <p>Query-token-major order keeps one query token's tables (dim·b/8 KiB) hot in cache while all of
 * its clusters are scanned.
 */
public final class TokenRetriever {
  private final ResidualScorer scorer;
  private final int centroidWidth;
  private final int dim;

  /**
   * @param scorer lookup-table scorer of the index's quantiser (one per thread: it holds tables)
   * @param centroidWidth bytes of a centroid term ({@link LatteIndexFormat#centroidBytes})
   * @param dim codebook dimension
   */
  public TokenRetriever(ResidualScorer scorer, int centroidWidth, int dim) {
    this.scorer = scorer;
    this.centroidWidth = centroidWidth;
    this.dim = dim;
  }

  /**
   * Scans one segment.
   *
   * @param query projected query, {@code queryTokens × dim}
   * @param accept documents that may be retrieved (live and passing the filter); null = all
   * @return per-document maxima of this segment
   */
  public TokenMaxima scan(LeafReader reader, Bits accept, float[] query, CentroidSelector.Probes probes,
      KthLargest[] kth) throws IOException {
    int nq = probes.queryTokens();
    TokenMaxima maxima = new TokenMaxima(nq, 64);
    Terms terms = reader.terms(LatteIndexFormat.FIELD_TOKENS);
    if (terms == null) {
      return maxima;
    }
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    for (int q = 0; q < nq; q++) {
      scorer.setQuery(query, q * dim);
      int[] centroids = probes.centroids()[q];
      float[] centroidScores = probes.scores()[q];
      KthLargest top = kth[q];
      for (int p = 0; p < centroids.length; p++) {
        if (!te.seekExact(CentroidTerms.term(centroids[p], centroidWidth))) {
          continue; // no token of this segment fell into that cluster
        }
        float cs = centroidScores[p];
        pe = te.postings(pe, PostingsEnum.PAYLOADS);
        for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
          if (accept != null && !accept.get(doc)) {
            continue;
          }
          int freq = pe.freq();
          float best = Float.NEGATIVE_INFINITY;
          int bestPos = -1;
          for (int f = 0; f < freq; f++) {
            int pos = pe.nextPosition();
            BytesRef codes = pe.getPayload();
            float s = cs + scorer.score(codes.bytes, codes.offset);
            if (s > top.threshold()) {
              top.offer(s);
            }
            if (s > best) {
              best = s;
              bestPos = pos;
            }
          }
          maxima.accept(doc, q, best, bestPos);
        }
      }
    }
    return maxima;
  }
}
