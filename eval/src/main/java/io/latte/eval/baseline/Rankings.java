package io.latte.eval.baseline;

import io.latte.eval.metrics.ScoredDoc;
import io.latte.eval.metrics.TrecOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntFunction;

/** Top-k selection in {@link TrecOrder}, so our ranks are the ranks trec_eval computes. */
public final class Rankings {
  private Rankings() {}

  /** The best {@code k} of {@code scores[i]} (document {@code ids.apply(i)}), best first. */
  public static List<ScoredDoc> top(float[] scores, int k, IntFunction<String> ids) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    PriorityQueue<ScoredDoc> heap = new PriorityQueue<>(k + 1, TrecOrder.COMPARATOR.reversed());
    for (int i = 0; i < scores.length; i++) {
      if (heap.size() < k) {
        heap.add(new ScoredDoc(ids.apply(i), scores[i]));
      } else if (scores[i] >= heap.peek().score()) {
        ScoredDoc d = new ScoredDoc(ids.apply(i), scores[i]);
        if (TrecOrder.COMPARATOR.compare(d, heap.peek()) < 0) {
          heap.poll();
          heap.add(d);
        }
      }
    }
    List<ScoredDoc> out = new ArrayList<>(heap);
    out.sort(TrecOrder.COMPARATOR);
    return out;
  }
}
