package io.latte.searcher;

import java.io.IOException;

/**
 * One retrieval mode: the best {@code n} documents of the index for a query, honouring its filter
 * and the index's deletes. {@link Retrievers#forMode} maps every {@link SearchMode} to one; BM25
 * and hybrid are built on the same interface, so {@link LatteSearcher} has no mode switch of its
 * own, and hybrid fuses any late-interaction retriever without knowing which.
 */
interface Retriever {
  Ranking retrieve(RetrievalQuery q, int n) throws IOException;
}
