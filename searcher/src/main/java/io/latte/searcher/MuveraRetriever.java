package io.latte.searcher;

import java.io.IOException;
import java.util.List;

/**
 * {@code muvera}: HNSW candidates over the documents' fixed-dimensional encodings ({@link
 * MuveraRetrieval}), re-scored by exact MaxSim.
 */
final class MuveraRetriever implements Retriever {
  @Override
  public Ranking retrieve(RetrievalQuery q, int n) throws IOException {
    List<ScoredDocs.Entry> candidates = MuveraRetrieval.candidates(
        q.index(), q.filter(), q.projected(), q.nq(), Math.max(n, q.params().candidates()));
    q.timer().mark();
    MaxSimScorer scorer = new MaxSimScorer(q.index(), q.projected(), q.nq());
    return Ranking.exact(scorer.rescore(candidates, n), q, scorer);
  }
}
