package io.latte.eval.metrics;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measures we report, for one query or averaged. Components are named as {@code trec_eval} prints
 * them, so a report line, a regression file and {@code trec_eval} output can be matched by name.
 *
 * @param ndcg_cut_10 nDCG@10 with graded gains ({@code -m ndcg_cut.10}); BEIR's headline number
 * @param recall_100 recall@100 ({@code -m recall.100})
 * @param map mean average precision over the top 1000 ({@code -m map -M 1000})
 * @param recip_rank reciprocal rank of the first relevant document in the top 1000 ({@code -m
 *     recip_rank -M 1000})
 * @param mrr_10 reciprocal rank cut at 10 (MRR@10, MS MARCO's measure; {@code trec_eval} has no name
 *     for it, it is {@code -m recip_rank -M 10})
 */
public record Measures(
    double ndcg_cut_10, double recall_100, double map, double recip_rank, double mrr_10) {

  /** The names of the components, in declaration order. */
  public static final List<String> NAMES =
      List.of("ndcg_cut_10", "recall_100", "map", "recip_rank", "mrr_10");

  /** All zero: the score of a query with no results or nothing relevant. */
  public static final Measures ZERO = new Measures(0, 0, 0, 0, 0);

  public Measures {
    double[] values = {ndcg_cut_10, recall_100, map, recip_rank, mrr_10};
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] >= 0 && values[i] <= 1 + 1e-9)) {
        throw new IllegalArgumentException(NAMES.get(i) + " must be in [0, 1], got " + values[i]);
      }
    }
  }

  /** The arithmetic mean of each component; {@link #ZERO} for no measures. */
  public static Measures mean(Collection<Measures> all) {
    if (all.isEmpty()) {
      return ZERO;
    }
    double ndcg = 0;
    double recall = 0;
    double ap = 0;
    double rr = 0;
    double rr10 = 0;
    for (Measures m : all) {
      ndcg += m.ndcg_cut_10;
      recall += m.recall_100;
      ap += m.map;
      rr += m.recip_rank;
      rr10 += m.mrr_10;
    }
    int n = all.size();
    return new Measures(ndcg / n, recall / n, ap / n, rr / n, rr10 / n);
  }

  /**
   * One component by its {@code trec_eval} name.
   *
   * @throws IllegalArgumentException for a name not in {@link #NAMES}
   */
  public double get(String name) {
    return switch (name) {
      case "ndcg_cut_10" -> ndcg_cut_10;
      case "recall_100" -> recall_100;
      case "map" -> map;
      case "recip_rank" -> recip_rank;
      case "mrr_10" -> mrr_10;
      default ->
          throw new IllegalArgumentException("unknown measure \"" + name + "\"; known: " + NAMES);
    };
  }

  /** Name → value, in {@link #NAMES} order. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (String name : NAMES) {
      map.put(name, get(name));
    }
    return map;
  }
}
