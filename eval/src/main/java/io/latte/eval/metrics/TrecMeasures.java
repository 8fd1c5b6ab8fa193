package io.latte.eval.metrics;

import java.util.Arrays;

/**
 * The measures as pure functions of one query's ranking, given as the grade of the document at each
 * rank ({@code grades[0]} is rank 1; 0 for unjudged documents). A grade of at least 1 is relevant.
 * Each follows the corresponding {@code trec_eval} source file ({@code m_ndcg_cut.c}, {@code
 * m_recall.c}, {@code m_map.c}, {@code m_recip_rank.c}); all return 0 when the query has nothing
 * relevant, as {@code trec_eval} does.
 */
public final class TrecMeasures {
  private TrecMeasures() {}

  /**
   * nDCG at {@code k} ({@code ndcg_cut.k}): gain = grade, discount = log2(rank + 1), normalized by the
   * DCG of the ideal ranking of {@code judgedGrades} (all grades judged for the query, in any order).
   */
  public static double ndcgCut(int[] grades, int[] judgedGrades, int k) {
    requirePositive(k);
    int[] ideal = Arrays.stream(judgedGrades).filter(g -> g > 0).sorted().toArray();
    reverse(ideal);
    double idealDcg = dcg(ideal, k);
    return idealDcg == 0 ? 0 : dcg(grades, k) / idealDcg;
  }

  /** Recall at {@code k} ({@code recall.k}): relevant documents in the top k over all relevant. */
  public static double recall(int[] grades, int relevantCount, int k) {
    requirePositive(k);
    if (relevantCount == 0) {
      return 0;
    }
    int found = 0;
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      if (grades[i] > 0) {
        found++;
      }
    }
    return (double) found / relevantCount;
  }

  /**
   * Average precision ({@code map}): the mean over all relevant documents of the precision at its
   * rank, a relevant document that was not retrieved contributing 0.
   */
  public static double averagePrecision(int[] grades, int relevantCount) {
    if (relevantCount == 0) {
      return 0;
    }
    double sum = 0;
    int found = 0;
    for (int i = 0; i < grades.length; i++) {
      if (grades[i] > 0) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / relevantCount;
  }

  /**
   * 1 / rank of the first relevant document within the top {@code k}, else 0. With {@code k} at least
   * the ranking's length this is {@code trec_eval}'s {@code recip_rank}; with 10 it is MRR@10.
   */
  public static double reciprocalRank(int[] grades, int k) {
    requirePositive(k);
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      if (grades[i] > 0) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private static double dcg(int[] grades, int k) {
    double sum = 0;
    for (int i = 0; i < Math.min(k, grades.length); i++) {
      // Non-positive grades add nothing: trec_eval gives judged non-relevant documents no negative gain.
      if (grades[i] > 0) {
        sum += grades[i] / log2(i + 2);
      }
    }
    return sum;
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  private static void reverse(int[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  private static void requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("cutoff k must be at least 1, got " + k);
    }
  }
}
