package io.latte.searcher;

/**
 * Splits a search's time into retrieval and scoring ({@link SearchResult}): each stage that ends
 * candidate retrieval marks it, and the last mark wins, so a fused search (late interaction, then
 * BM25) counts both of its retrievals as retrieval.
 */
final class StageTimer {
  private final long start = System.nanoTime();
  private long marked = -1;

  /** The candidate stage ends now. */
  void mark() {
    marked = System.nanoTime();
  }

  /** Builds the result: retrieval up to the last mark (or everything, if none), scoring after it. */
  SearchResult result(java.util.List<Hit> hits, SearchParams params) {
    long end = System.nanoTime();
    long split = marked < 0 ? end : marked;
    return new SearchResult(hits, split - start, end - split, params);
  }
}
