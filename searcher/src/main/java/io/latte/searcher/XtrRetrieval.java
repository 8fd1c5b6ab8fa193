package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import io.latte.searcher.xtr.CentroidSelector;
import io.latte.indexer.codec.TokenLayout;
import io.latte.searcher.xtr.KthLargest;
import io.latte.searcher.xtr.MissingSimilarityImputer;
import io.latte.searcher.xtr.QueryTables;
import io.latte.searcher.xtr.TokenMaxima;
import io.latte.searcher.xtr.TokenRetriever;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The {@code xtr} pipeline: {@link CentroidSelector} → {@link TokenRetriever} per segment (fast scan
 * over each segment's mapped {@link TokenLayout}) → {@link MissingSimilarityImputer} → sum over query tokens → the best
 * documents by approximate score → exact re-scoring of each one's chosen tokens ({@link XtrRescorer}).
 *
 * <p>Why re-score: the scan's 8-bit tables are off by at most {@link QueryTables#errorBound} per
 * token. Re-computing the near-best tokens of every (candidate, query token) with the float tables
 * makes every reported similarity, and so every score and explanation, the exact best similarity
 * among the retrieved tokens; the pool is twice the hits asked for, so a document the approximation
 * ranked just outside the cut can still make it.
 */
final class XtrRetrieval {
  /**
   * @param top documents best first; {@link ScoredDocs.Entry#exactSlot} indexes {@code retrieved} and {@code positions}
   * @param retrieved per hit and query token, the exact similarity of the chosen token ({@code -∞}:
   *     none retrieved); null when scores were left approximate
   * @param positions per hit and query token, the chosen token's position (-1: none)
   */
  record Result(List<ScoredDocs.Entry> top, float[][] retrieved, int[][] positions, float[] missing,
      MissingSimilarityImputer imputer) {
    /** The score of a document no query token retrieved anything from: every value imputed. */
    float floor() {
      float f = 0;
      for (float m : missing) {
        f += imputer.combine(Float.NEGATIVE_INFINITY, m);
      }
      return f;
    }
  }

  /** Re-scoring pool: at least this many documents, and twice the hits asked for. */
  static final int MIN_POOL = 20;

  private XtrRetrieval() {}

  static MissingSimilarityImputer imputer(SearchParams p) {
    return p.imputation() == SearchParams.Imputation.XTR
        ? new MissingSimilarityImputer.KPrime(p.kPrime())
        : new MissingSimilarityImputer.ClusterMass(p.tPrime());
  }

  /**
   * @param projected query in the codebook's space, {@code nq × dim}
   * @param topN how many documents to keep
   * @param exactScores re-score the chosen tokens exactly (false when the caller re-ranks anyway)
   */
  static Result retrieve(IndexHandle index, Weight filter, float[] projected, int nq, SearchParams p, int topN,
      boolean exactScores) throws IOException {
    Codebook cb = index.codebook();
    CentroidSelector.Probes probes = new CentroidSelector(cb).select(projected, nq, p.nprobe());
    QueryTables tables = QueryTables.build(cb.quantizer(), projected, nq);
    KthLargest[] kth = new KthLargest[nq];
    for (int q = 0; q < nq; q++) {
      kth[q] = new KthLargest(p.kPrime());
    }
    MissingSimilarityImputer imputer = imputer(p);
    boolean prune = imputer instanceof MissingSimilarityImputer.KPrime;
    TokenRetriever retriever = new TokenRetriever(cb);
    List<LeafReaderContext> leaves = index.reader().leaves();
    TokenLayout[] layouts = new TokenLayout[leaves.size()];
    Bits[] accept = new Bits[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      layouts[leaf.ord] = index.layout(leaf.ord);
      accept[leaf.ord] = AcceptDocs.of(leaf, filter);
    }
    TokenMaxima[] maxima = retriever.scan(layouts, accept, probes, tables, kth, prune);
    float[] missing = imputer.missingValues(probes, kth, index.clusterSizes());
    ScoredDocs approx = new ScoredDocs(exactScores ? Math.max(2 * topN, MIN_POOL) : topN);
    for (LeafReaderContext leaf : leaves) {
      TokenMaxima m = maxima[leaf.ord];
      for (int r = 0; r < m.size(); r++) {
        float score = 0;
        for (int q = 0; q < nq; q++) {
          score += imputer.combine(m.max(r, q), missing[q]);
        }
        approx.offer(leaf.ord, leaf.docBase, m.doc(r), score, r, ScoredDocs.NONE);
      }
    }
    if (!exactScores) {
      return new Result(approx.best(), null, null, missing, imputer);
    }
    return XtrRescorer.rescore(index, approx.best(), topN, maxima, retriever, probes, tables, missing, imputer);
  }
}
