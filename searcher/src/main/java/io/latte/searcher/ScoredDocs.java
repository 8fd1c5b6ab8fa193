package io.latte.searcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Result merger: keeps the best {@code n} (segment, doc, score) entries of a search across all
 * segments; ties go to the lower global doc id so results are deterministic.
 */
final class ScoredDocs {
  /** One scored document; {@code row} is a stage-specific handle (e.g. its row in TokenMaxima). */
  record Entry(int leaf, int docBase, int doc, int row, float score) {
    int globalDoc() {
      return docBase + doc;
    }
  }

  static final Comparator<Entry> BEST_FIRST =
      Comparator.comparingDouble((Entry e) -> -e.score()).thenComparingInt(Entry::globalDoc);

  private final int n;
  private final PriorityQueue<Entry> heap;

  ScoredDocs(int n) {
    this.n = n;
    this.heap = new PriorityQueue<>(Math.min(n, 1 << 16) + 1, BEST_FIRST.reversed());
  }

  void offer(int leaf, int docBase, int doc, int row, float score) {
    if (heap.size() < n) {
      heap.add(new Entry(leaf, docBase, doc, row, score));
      return;
    }
    Entry worst = heap.peek();
    if (score > worst.score() || (score == worst.score() && docBase + doc < worst.globalDoc())) {
      heap.poll();
      heap.add(new Entry(leaf, docBase, doc, row, score));
    }
  }

  /** Entries best first. */
  List<Entry> best() {
    List<Entry> out = new ArrayList<>(heap);
    out.sort(BEST_FIRST);
    return out;
  }
}
