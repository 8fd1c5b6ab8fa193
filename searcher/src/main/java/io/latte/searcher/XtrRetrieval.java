package io.latte.searcher;

import io.latte.indexer.codebook.ResidualScorer;
import io.latte.searcher.xtr.CentroidSelector;
import io.latte.searcher.xtr.KthLargest;
import io.latte.searcher.xtr.MissingSimilarityImputer;
import io.latte.searcher.xtr.TokenMaxima;
import io.latte.searcher.xtr.TokenRetriever;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Weight;

/**
 * The {@code xtr} pipeline: {@link CentroidSelector} → {@link TokenRetriever} per segment →
 * {@link MissingSimilarityImputer} → sum over query tokens → {@link ScoredDocs}. The per-segment
 * maxima are kept so a hit can be explained from exactly the numbers that scored it.
 */
final class XtrRetrieval {
  record Result(List<ScoredDocs.Entry> top, TokenMaxima[] maxima, float[] missing,
      MissingSimilarityImputer imputer) {}

  private XtrRetrieval() {}

  static MissingSimilarityImputer imputer(SearchParams p) {
    return p.imputation() == SearchParams.Imputation.XTR
        ? new MissingSimilarityImputer.KPrime(p.kPrime())
        : new MissingSimilarityImputer.ClusterMass(p.tPrime());
  }

  /**
   * @param projected query in the codebook's space, {@code nq × dim}
   * @param topN how many documents to keep
   */
  static Result retrieve(IndexHandle index, Weight filter, float[] projected, int nq, SearchParams p, int topN)
      throws IOException {
    var cb = index.codebook();
    CentroidSelector selector = new CentroidSelector(cb);
    CentroidSelector.Probes probes = selector.select(projected, nq, p.nprobe());
    KthLargest[] kth = new KthLargest[nq];
    for (int q = 0; q < nq; q++) {
      kth[q] = new KthLargest(p.kPrime());
    }
    TokenRetriever retriever = new TokenRetriever(new ResidualScorer(cb.quantizer()), index.centroidWidth(), cb.dim());
    List<LeafReaderContext> leaves = index.reader().leaves();
    TokenMaxima[] maxima = new TokenMaxima[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      maxima[leaf.ord] = retriever.scan(leaf.reader(), AcceptDocs.of(leaf, filter), projected, probes, kth);
    }
    MissingSimilarityImputer imputer = imputer(p);
    float[] missing = imputer.missingValues(probes, kth, index.clusterSizes());
    ScoredDocs top = new ScoredDocs(topN);
    for (LeafReaderContext leaf : leaves) {
      TokenMaxima m = maxima[leaf.ord];
      for (int r = 0; r < m.size(); r++) {
        float score = 0;
        for (int q = 0; q < nq; q++) {
          score += imputer.combine(m.max(r, q), missing[q]);
        }
        top.offer(leaf.ord, leaf.docBase, m.doc(r), r, score);
      }
    }
    return new Result(top.best(), maxima, missing, imputer);
  }
}
