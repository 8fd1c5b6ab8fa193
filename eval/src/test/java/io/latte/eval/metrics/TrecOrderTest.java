package io.latte.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrecOrderTest {

  private static List<String> ids(List<ScoredDoc> docs) {
    return docs.stream().map(ScoredDoc::docId).toList();
  }

  @Test
  void scoreDescendingThenDocIdDescending() {
    List<ScoredDoc> ranked =
        TrecOrder.rank(
            List.of(
                new ScoredDoc("doc10", 1),
                new ScoredDoc("doc9", 1),
                new ScoredDoc("top", 2),
                new ScoredDoc("Doc9", 1),
                new ScoredDoc("low", -1)),
            10);
    // strcmp: "doc9" > "doc10" > "Doc9" (uppercase sorts first in byte order).
    assertEquals(List.of("top", "doc9", "doc10", "Doc9", "low"), ids(ranked));
  }

  @Test
  void docIdsCompareByCodePointLikeStrcmpOnUtf8() {
    String supplementary = "\uD83D\uDE00"; // U+1F600, above U+FFFD in code point order
    assertTrue(TrecOrder.compareCodePoints(supplementary, "\uFFFD") > 0);
    assertTrue(supplementary.compareTo("\uFFFD") < 0, "String.compareTo would get it wrong");
    assertTrue(TrecOrder.compareCodePoints("ab", "abc") < 0);
    assertEquals(0, TrecOrder.compareCodePoints("same", "same"));
  }

  @Test
  void truncatesToDepth() {
    List<ScoredDoc> ranked =
        TrecOrder.rank(
            List.of(new ScoredDoc("a", 1), new ScoredDoc("b", 3), new ScoredDoc("c", 2)), 2);
    assertEquals(List.of("b", "c"), ids(ranked));
  }

  @Test
  void refusesDuplicatesAndBadDepth() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TrecOrder.rank(List.of(new ScoredDoc("a", 1), new ScoredDoc("a", 2)), 10));
    assertThrows(IllegalArgumentException.class, () -> TrecOrder.rank(List.of(), 0));
  }
}
