package io.latte.searcher;

import java.io.IOException;

/** {@code xtr}: token retrieval with imputation, the pool re-scored exactly ({@link XtrRetrieval}). */
final class XtrRetriever implements Retriever {
  @Override
  public Ranking retrieve(RetrievalQuery q, int n) throws IOException {
    XtrRetrieval.Result r = XtrRetrieval.retrieve(q.index(), q.filterWeight(), q.projected(), q.nq(), q.params(), n, true);
    q.timer().mark();
    Explainer explainer = q.explainer();
    return new Ranking(r.top(), r.floor(),
        explainer == null ? Ranking.Explanations.NONE : e -> explainer.fromXtr(r, e));
  }
}
