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
  /** {@link Entry#maximaRow} or {@link Entry#exactSlot} of an entry that has none. */
  static final int NONE = -1;

  /**
   * One scored document. Two stage handles ride along, each with one meaning (they used to share a
   * single {@code row} field whose meaning depended on the stage):
   *
   * @param maximaRow xtr's approximate stage: the document's row in its segment's {@link
   *     io.latte.searcher.xtr.TokenMaxima}, which the exact re-scoring reads; {@link #NONE} elsewhere
   * @param exactSlot xtr's exact stage: the document's index into {@link XtrRetrieval.Result}'s
   *     per-token similarities and positions, which explanations read; {@link #NONE} elsewhere
   */
  record Entry(int leaf, int docBase, int doc, float score, int maximaRow, int exactSlot) {
    /** An entry of a stage that needs no handle (BM25, MUVERA, exact MaxSim, fusion). */
    static Entry of(int leaf, int docBase, int doc, float score) {
      return new Entry(leaf, docBase, doc, score, NONE, NONE);
    }

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

  /** Offers a document without stage handles. */
  void offer(int leaf, int docBase, int doc, float score) {
    offer(leaf, docBase, doc, score, NONE, NONE);
  }

  void offer(int leaf, int docBase, int doc, float score, int maximaRow, int exactSlot) {
    if (heap.size() < n) {
      heap.add(new Entry(leaf, docBase, doc, score, maximaRow, exactSlot));
      return;
    }
    Entry worst = heap.peek();
    if (score > worst.score() || (score == worst.score() && docBase + doc < worst.globalDoc())) {
      heap.poll();
      heap.add(new Entry(leaf, docBase, doc, score, maximaRow, exactSlot));
    }
  }

  /** Entries best first. */
  List<Entry> best() {
    List<Entry> out = new ArrayList<>(heap);
    out.sort(BEST_FIRST);
    return out;
  }
}
