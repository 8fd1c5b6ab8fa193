package io.latte.searcher;

import java.io.IOException;

/** {@code exact}: MaxSim over every acceptable document, the oracle; all of its time is scoring. */
final class ExactRetriever implements Retriever {
  @Override
  public Ranking retrieve(RetrievalQuery q, int n) throws IOException {
    MaxSimScorer scorer = new MaxSimScorer(q.index(), q.projected(), q.nq());
    q.timer().mark();
    return Ranking.exact(scorer.scanAll(q.filterWeight(), n), q, scorer);
  }
}
