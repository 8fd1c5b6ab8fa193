package io.latte.searcher;

import java.io.IOException;

/** {@code bm25}: Lucene BM25 over title + text ({@link Bm25Search}); nothing to explain by tokens. */
final class Bm25Retriever implements Retriever {
  @Override
  public Ranking retrieve(RetrievalQuery q, int n) throws IOException {
    Ranking r = new Ranking(Bm25Search.search(q.index(), q.text(), q.filter(), n), Float.NaN, Ranking.Explanations.NONE);
    q.timer().mark();
    return r;
  }
}
