package io.latte.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuresTest {

  @Test
  void meanPerComponent() {
    Measures mean =
        Measures.mean(List.of(new Measures(1, 0.5, 0.2, 1, 0), new Measures(0, 0.5, 0.4, 0.5, 1)));
    assertEquals(new Measures(0.5, 0.5, 0.30000000000000004, 0.75, 0.5), mean);
    assertEquals(Measures.ZERO, Measures.mean(List.of()));
  }

  @Test
  void namesMatchTrecEvalAndComponents() {
    Measures m = new Measures(0.1, 0.2, 0.3, 0.4, 0.5);
    assertEquals(List.of("ndcg_cut_10", "recall_100", "map", "recip_rank", "mrr_10"), Measures.NAMES);
    assertEquals(List.of(0.1, 0.2, 0.3, 0.4, 0.5), List.copyOf(m.asMap().values()));
    assertEquals(0.3, m.get("map"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> m.get("P_10"));
    assertEquals(
        "unknown measure \"P_10\"; known: [ndcg_cut_10, recall_100, map, recip_rank, mrr_10]",
        e.getMessage());
  }

  @Test
  void valuesOutsideTheUnitIntervalAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Measures(1.5, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Measures(0, -0.1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Measures(0, 0, Double.NaN, 0, 0));
  }
}
