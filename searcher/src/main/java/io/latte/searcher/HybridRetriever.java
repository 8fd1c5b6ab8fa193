package io.latte.searcher;

import java.io.IOException;
import java.util.List;

/**
 * {@code hybrid}: a late-interaction retriever and BM25, each asked for the candidate depth, fused
 * by {@link ResultFusion}. Hits are explained by exact MaxSim whatever the late half was: a fused
 * hit may come from BM25 alone, which the late half never scored.
 */
final class HybridRetriever implements Retriever {
  private final Retriever late;
  private final Retriever bm25 = new Bm25Retriever();

  HybridRetriever(Retriever late) {
    this.late = late;
  }

  @Override
  public Ranking retrieve(RetrievalQuery q, int n) throws IOException {
    int depth = Math.max(n, q.params().candidates());
    // The late half is asked without explanations: they are built for the fused hits only.
    RetrievalQuery unexplained = new RetrievalQuery(q.index(), q.text(), q.filter(), q.filterWeight(), q.projected(),
        q.nq(), q.params(), null, q.timer());
    Ranking lateRanking = late.retrieve(unexplained, depth);
    Ranking bm25Ranking = bm25.retrieve(q, depth);
    List<ScoredDocs.Entry> fused =
        ResultFusion.fuse(lateRanking.top(), lateRanking.floor(), bm25Ranking.top(), q.params().withK(n));
    return Ranking.exact(fused, q, q.explainer() == null ? null : new MaxSimScorer(q.index(), q.projected(), q.nq()));
  }
}
