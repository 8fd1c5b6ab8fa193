package io.latte.eval.metrics;

import io.latte.eval.beir.Qrels;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a run against qrels exactly as {@code trec_eval -c -M 1000 -m ndcg_cut.10 -m recall.100 -m
 * map -m recip_rank} does (plus MRR@10); the package documentation lists the rules.
 *
 * <p><b>Which queries count.</b> The default, {@link Averaging#ALL_JUDGED}, is {@code trec_eval -c}:
 * every query with a judgment in the qrels is averaged, and one without results scores 0. That is
 * what BEIR reports. {@link Averaging#JUDGED_AND_RETRIEVED} is {@code trec_eval} without {@code -c}:
 * only judged queries with at least one result. Run queries without judgments are always ignored.
 *
 * @param averaging which queries are averaged
 * @param depth how many results per query are scored ({@code trec_eval -M}); at least 1, normally
 *     {@value #DEFAULT_DEPTH}
 */
public record RunEvaluator(Averaging averaging, int depth) {
  /** Results per query that are scored, as in TREC and BEIR runs. */
  public static final int DEFAULT_DEPTH = 1000;

  /** Which queries are averaged. */
  public enum Averaging {
    /** All judged queries, missing ones scoring 0 ({@code trec_eval -c}); the default. */
    ALL_JUDGED,
    /** Judged queries that have at least one result ({@code trec_eval} without {@code -c}). */
    JUDGED_AND_RETRIEVED
  }

  public RunEvaluator {
    Objects.requireNonNull(averaging, "averaging");
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, got " + depth);
    }
  }

  /** {@code -c} averaging over the top {@value #DEFAULT_DEPTH}. */
  public static RunEvaluator defaults() {
    return new RunEvaluator(Averaging.ALL_JUDGED, DEFAULT_DEPTH);
  }

  /**
   * Scores {@code run} (query id → results in any order; the order is ignored) against {@code qrels}.
   *
   * @throws IllegalArgumentException if the qrels are empty, or a query lists a document twice
   */
  public Evaluation evaluate(Map<String, ? extends Collection<ScoredDoc>> run, Qrels qrels) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(qrels, "qrels");
    if (qrels.isEmpty()) {
      throw new IllegalArgumentException("qrels judge no query; nothing to average over");
    }
    Map<String, Measures> perQuery = new LinkedHashMap<>();
    for (String queryId : qrels.judgedQueries()) {
      Collection<ScoredDoc> results = run.get(queryId);
      boolean retrieved = results != null && !results.isEmpty();
      if (!retrieved && averaging == Averaging.JUDGED_AND_RETRIEVED) {
        continue;
      }
      try {
        perQuery.put(
            queryId, evaluateQuery(retrieved ? results : List.of(), qrels.judgments(queryId)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("query \"" + queryId + "\": " + e.getMessage(), e);
      }
    }
    return Evaluation.of(perQuery);
  }

  /**
   * Scores one query's results against its judgments (doc id → grade).
   *
   * @throws IllegalArgumentException if a document occurs twice in {@code results}
   */
  public Measures evaluateQuery(Collection<ScoredDoc> results, Map<String, Integer> judgments) {
    List<ScoredDoc> ranked = TrecOrder.rank(results, depth);
    int[] grades = new int[ranked.size()];
    for (int i = 0; i < grades.length; i++) {
      grades[i] = judgments.getOrDefault(ranked.get(i).docId(), 0);
    }
    int[] judged = judgments.values().stream().mapToInt(Integer::intValue).toArray();
    int relevant = (int) judgments.values().stream().filter(g -> g > 0).count();
    return new Measures(
        TrecMeasures.ndcgCut(grades, judged, 10),
        TrecMeasures.recall(grades, relevant, 100),
        TrecMeasures.averagePrecision(grades, relevant),
        TrecMeasures.reciprocalRank(grades, depth),
        TrecMeasures.reciprocalRank(grades, 10));
  }
}
