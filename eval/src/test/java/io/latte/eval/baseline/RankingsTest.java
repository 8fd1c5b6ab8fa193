package io.latte.eval.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.latte.eval.metrics.ScoredDoc;
import io.latte.eval.metrics.TrecOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingsTest {
  @Test
  void topKEqualsFullSortInTrecOrderWithTies() {
    Random r = new Random(3);
    for (int round = 0; round < 50; round++) {
      int n = 1 + r.nextInt(200);
      float[] scores = new float[n];
      List<ScoredDoc> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        scores[i] = r.nextInt(10) / 10f; // many ties
        all.add(new ScoredDoc("d" + i, scores[i]));
      }
      int k = 1 + r.nextInt(n + 5);
      List<ScoredDoc> expected = TrecOrder.rank(all, k);
      assertEquals(expected, Rankings.top(scores, k, i -> "d" + i));
    }
  }

  @Test
  void kMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Rankings.top(new float[1], 0, i -> "x"));
  }
}
