package io.latte.eval.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrelsTest {

  @Test
  void gradesRelevanceAndOrder() {
    Qrels qrels =
        Qrels.builder().add("b", "d1", 0).add("a", "d2", 3).add("a", "d1", -1).add("a", "d3", 1).build();
    assertEquals(List.of("b", "a"), List.copyOf(qrels.judgedQueries()));
    assertEquals(List.of("d2", "d1", "d3"), List.copyOf(qrels.judgments("a").keySet()));
    assertEquals(3, qrels.grade("a", "d2"));
    assertEquals(0, qrels.grade("a", "unjudged"));
    assertEquals(0, qrels.grade("nobody", "d1"));
    assertTrue(qrels.isRelevant("a", "d3"));
    assertFalse(qrels.isRelevant("a", "d1"), "negative grade is non-relevant");
    assertEquals(2, qrels.relevantCount("a"));
    assertEquals(0, qrels.relevantCount("b"));
    assertEquals(4, qrels.judgmentCount());
    assertEquals(Map.of(), qrels.judgments("nobody"));
  }

  @Test
  void duplicatePairIsRefusedNamingBothGrades() {
    Qrels.Builder builder = Qrels.builder().add("q", "d", 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.add("q", "d", 2));
    assertTrue(e.getMessage().contains("grades 1 and 2"), e.getMessage());
  }

  @Test
  void emptyIdsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Qrels.builder().add("", "d", 1));
    assertThrows(IllegalArgumentException.class, () -> Qrels.builder().add("q", "", 1));
  }

  @Test
  void ofCopiesAndIsImmutable() {
    Map<String, Map<String, Integer>> source = new LinkedHashMap<>();
    source.put("q", new LinkedHashMap<>(Map.of("d", 1)));
    Qrels qrels = Qrels.of(source);
    source.get("q").put("e", 2);
    assertEquals(1, qrels.judgmentCount());
    assertThrows(UnsupportedOperationException.class, () -> qrels.judgments("q").put("x", 1));
    assertEquals(qrels, Qrels.builder().add("q", "d", 1).build());
  }
}
