package io.latte.searcher;

/** The one place a {@link SearchMode} becomes a {@link Retriever}. */
final class Retrievers {
  private Retrievers() {}

  static Retriever forMode(SearchMode mode, SearchParams p) {
    return switch (mode) {
      case XTR -> new XtrRetriever();
      case COLBERT -> new ColbertRetriever();
      case MUVERA -> new MuveraRetriever();
      case EXACT -> new ExactRetriever();
      case BM25 -> new Bm25Retriever();
      case HYBRID -> new HybridRetriever(forMode(p.hybridWith(), p)); // SearchParams refuses bm25/hybrid here
    };
  }
}
