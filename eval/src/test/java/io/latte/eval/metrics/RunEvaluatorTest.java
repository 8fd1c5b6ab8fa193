package io.latte.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.eval.beir.Qrels;
import io.latte.eval.metrics.RunEvaluator.Averaging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed values; each case says how it was computed. */
class RunEvaluatorTest {
  private static final double EPS = 1e-12;
  private static final RunEvaluator EVALUATOR = RunEvaluator.defaults();

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static List<ScoredDoc> docs(Object... idScorePairs) {
    List<ScoredDoc> docs = new ArrayList<>();
    for (int i = 0; i < idScorePairs.length; i += 2) {
      docs.add(new ScoredDoc((String) idScorePairs[i], ((Number) idScorePairs[i + 1]).doubleValue()));
    }
    return docs;
  }

  private static void assertMeasures(Measures expected, Measures actual) {
    for (String name : Measures.NAMES) {
      assertEquals(expected.get(name), actual.get(name), EPS, name);
    }
  }

  @Test
  void tiesGoToTheLargerDocIdAsInTrecEval() {
    // a, b, c all score 0.5; trec_eval ranks c, b, a, so the relevant a is at rank 3.
    Measures m = EVALUATOR.evaluateQuery(docs("a", 0.5, "b", 0.5, "c", 0.5), Map.of("a", 1));
    assertMeasures(new Measures(1 / log2(4), 1, 1 / 3.0, 1 / 3.0, 1 / 3.0), m);
  }

  @Test
  void rankColumnAndInputOrderAreIgnored() {
    Measures shuffled =
        EVALUATOR.evaluateQuery(docs("x", 0.1, "rel", 0.9, "y", 0.5), Map.of("rel", 1));
    assertEquals(1, shuffled.recip_rank(), EPS);
  }

  @Test
  void scoresAreComparedAtFloatPrecisionLikeTrecEval() {
    // 1.00000002 and 1.00000001 are the same float; the tie goes to "b" although "a" scores higher.
    Measures m = EVALUATOR.evaluateQuery(docs("a", 1.00000002, "b", 1.00000001), Map.of("a", 1));
    assertEquals(0.5, m.recip_rank(), EPS);
  }

  @Test
  void gradedRelevance() {
    // Judged d1:3 d2:2 d3:1 d4:0. Ranking d4, d2, d1, d5 (d5 unjudged).
    Map<String, Integer> judged = Map.of("d1", 3, "d2", 2, "d3", 1, "d4", 0);
    Measures m =
        EVALUATOR.evaluateQuery(docs("d4", 0.9, "d2", 0.8, "d1", 0.7, "d5", 0.6), judged);
    double dcg = 2 / log2(3) + 3 / log2(4);
    double idealDcg = 3 + 2 / log2(3) + 1 / log2(4); // ideal includes d3, never retrieved
    double ap = (1 / 2.0 + 2 / 3.0) / 3; // relevant at ranks 2 and 3, three relevant in all
    assertMeasures(new Measures(dcg / idealDcg, 2 / 3.0, ap, 0.5, 0.5), m);
  }

  @Test
  void nonPositiveGradesGiveNoGainAndAreNotRelevant() {
    Measures m = EVALUATOR.evaluateQuery(docs("neg", 2, "zero", 1.5, "rel", 1), Map.of("neg", -1, "zero", 0, "rel", 2));
    assertMeasures(new Measures(2 / log2(4) / 2, 1, 1 / 3.0, 1 / 3.0, 1 / 3.0), m);
  }

  @Test
  void idealDcgIsCutAtTen() {
    // 12 relevant docs of grade 1, only "r0" retrieved at rank 1.
    Map<String, Integer> judged = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      judged.put("r" + i, 1);
    }
    double idealDcg = 0;
    for (int rank = 1; rank <= 10; rank++) {
      idealDcg += 1 / log2(rank + 1);
    }
    Measures m = EVALUATOR.evaluateQuery(docs("r0", 1), judged);
    assertMeasures(new Measures(1 / idealDcg, 1 / 12.0, 1 / 12.0, 1, 1), m);
  }

  @Test
  void noRelevantRetrievedScoresZero() {
    Measures m = EVALUATOR.evaluateQuery(docs("x", 3, "y", 2), Map.of("rel", 1, "x", 0));
    assertMeasures(Measures.ZERO, m);
  }

  @Test
  void queryWithoutRelevantDocumentsScoresZero() {
    assertMeasures(Measures.ZERO, EVALUATOR.evaluateQuery(docs("x", 3), Map.of("x", 0)));
  }

  @Test
  void recallWithFewerThanOneHundredResults() {
    // 5 relevant, 3 retrieved: two relevant at ranks 1 and 3.
    Map<String, Integer> judged = Map.of("r1", 1, "r2", 1, "r3", 1, "r4", 1, "r5", 1);
    Measures m = EVALUATOR.evaluateQuery(docs("r1", 3, "x", 2, "r2", 1), judged);
    assertEquals(2 / 5.0, m.recall_100(), EPS);
    assertEquals((1 + 2 / 3.0) / 5, m.map(), EPS);
  }

  @Test
  void cutoffsOfRecallMrrAndDepth() {
    // The one relevant doc at rank 101: outside recall@100 but inside map and recip_rank.
    Measures at101 = EVALUATOR.evaluateQuery(ranking(101), Map.of("target", 1));
    assertMeasures(new Measures(0, 0, 1 / 101.0, 1 / 101.0, 0), at101);
    // At rank 11: MRR@10 is 0 but recip_rank is not.
    Measures at11 = EVALUATOR.evaluateQuery(ranking(11), Map.of("target", 1));
    assertMeasures(new Measures(0, 1, 1 / 11.0, 1 / 11.0, 0), at11);
    // At rank 1001: beyond the 1000 trec_eval -M 1000 keeps.
    assertMeasures(Measures.ZERO, EVALUATOR.evaluateQuery(ranking(1001), Map.of("target", 1)));
    RunEvaluator deeper = new RunEvaluator(Averaging.ALL_JUDGED, 2000);
    assertEquals(1 / 1001.0, deeper.evaluateQuery(ranking(1001), Map.of("target", 1)).recip_rank(), EPS);
  }

  /** Non-relevant docs at ranks 1 .. rank-1 and "target" at {@code rank}. */
  private static List<ScoredDoc> ranking(int rank) {
    List<ScoredDoc> docs = new ArrayList<>();
    for (int i = 1; i < rank; i++) {
      docs.add(new ScoredDoc("n" + i, 10_000 - i));
    }
    docs.add(new ScoredDoc("target", 10_000 - rank));
    return docs;
  }

  @Test
  void allJudgedQueriesAreAveragedByDefault() {
    Qrels qrels =
        Qrels.builder().add("q1", "a", 1).add("q2", "b", 1).add("q3", "c", 0).build();
    Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
    run.put("q1", docs("a", 1)); // perfect
    run.put("q3", docs("c", 1)); // nothing relevant exists
    run.put("q9", docs("a", 1)); // not judged: ignored
    // q2 has no results: scores 0 under -c.
    Evaluation all = EVALUATOR.evaluate(run, qrels);
    assertEquals(List.of("q1", "q2", "q3"), List.copyOf(all.perQuery().keySet()));
    assertMeasures(Measures.ZERO, all.perQuery().get("q2"));
    assertMeasures(new Measures(1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0), all.mean());

    Evaluation retrieved =
        new RunEvaluator(Averaging.JUDGED_AND_RETRIEVED, 1000).evaluate(run, qrels);
    assertEquals(List.of("q1", "q3"), List.copyOf(retrieved.perQuery().keySet()));
    assertMeasures(new Measures(0.5, 0.5, 0.5, 0.5, 0.5), retrieved.mean());
  }

  @Test
  void emptyResultListCountsAsNoResults() {
    Qrels qrels = Qrels.builder().add("q1", "a", 1).add("q2", "b", 1).build();
    Map<String, List<ScoredDoc>> run = Map.of("q1", docs("a", 1), "q2", List.of());
    assertEquals(0.5, EVALUATOR.evaluate(run, qrels).mean().map(), EPS);
    Evaluation retrieved =
        new RunEvaluator(Averaging.JUDGED_AND_RETRIEVED, 1000).evaluate(run, qrels);
    assertEquals(1, retrieved.queryCount());
  }

  @Test
  void duplicateDocumentNamesQueryAndDoc() {
    Qrels qrels = Qrels.builder().add("q1", "a", 1).build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EVALUATOR.evaluate(Map.of("q1", docs("a", 1, "a", 0.5)), qrels));
    assertTrue(e.getMessage().contains("\"q1\""), e.getMessage());
    assertTrue(e.getMessage().contains("\"a\" appears twice"), e.getMessage());
  }

  @Test
  void badArguments() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EVALUATOR.evaluate(Map.of(), Qrels.builder().build()));
    assertThrows(IllegalArgumentException.class, () -> new RunEvaluator(Averaging.ALL_JUDGED, 0));
    assertThrows(IllegalArgumentException.class, () -> new ScoredDoc("a", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new ScoredDoc("a", Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new ScoredDoc("", 1));
  }
}
