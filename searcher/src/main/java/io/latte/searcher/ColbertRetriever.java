package io.latte.searcher;

import java.io.IOException;

/**
 * {@code colbert} (PLAID-style): token retrieval's candidates, left approximate because every one
 * is re-scored by exact MaxSim over its full token matrix anyway.
 */
final class ColbertRetriever implements Retriever {
  @Override
  public Ranking retrieve(RetrievalQuery q, int n) throws IOException {
    SearchParams p = q.params();
    XtrRetrieval.Result r =
        XtrRetrieval.retrieve(q.index(), q.filterWeight(), q.projected(), q.nq(), p, Math.max(n, p.candidates()), false);
    q.timer().mark();
    MaxSimScorer scorer = new MaxSimScorer(q.index(), q.projected(), q.nq());
    return Ranking.exact(scorer.rescore(r.top(), n), q, scorer);
  }
}
