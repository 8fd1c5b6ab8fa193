package io.latte.eval.regress;

import io.latte.eval.metrics.Measures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of {@code latte regress}: per collection and mode, nDCG@10 and R@100 with their ratio
 * to float exact and to compressed exact, the expected values, and whether each is within the
 * tolerance; the compressed exact row also gives the index's bytes per token (centroid id + residual
 * codes).
 */
public final class RegressionTable {
  private final List<RegressionRunner.Result> results = new ArrayList<>();

  public void add(RegressionRunner.Result r) {
    results.add(r);
  }

  /** One line per deviation beyond tolerance, or mode without an expected value; empty = pass. */
  public List<String> deviations() {
    List<String> out = new ArrayList<>();
    for (RegressionRunner.Result r : results) {
      double tol = r.spec().tolerance();
      for (var e : r.measures().entrySet()) {
        RegressionSpec.Expected x = r.spec().expected().get(e.getKey());
        String where = r.spec().name() + " " + e.getKey();
        if (x == null) {
          out.add(where + ": no expected value (run with --record)");
          continue;
        }
        check(out, where, "nDCG@10", e.getValue().ndcg_cut_10(), x.ndcg_cut_10(), tol);
        check(out, where, "R@100", e.getValue().recall_100(), x.recall_100(), tol);
      }
    }
    return out;
  }

  private static void check(List<String> out, String where, String measure, double got, double expected, double tol) {
    if (Math.abs(got - expected) > tol) {
      out.add(String.format(Locale.ROOT, "%s: %s %.4f, expected %.4f ± %.4f", where, measure, got, expected, tol));
    }
  }

  /** The expected values a {@code --record} run writes: what was measured. */
  public static Map<String, RegressionSpec.Expected> measured(RegressionRunner.Result r) {
    Map<String, RegressionSpec.Expected> out = new LinkedHashMap<>();
    r.measures().forEach((mode, m) -> out.put(mode, new RegressionSpec.Expected(round(m.ndcg_cut_10()),
        round(m.recall_100()))));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-12s %-12s %8s %7s %7s %9s %7s %9s %6s%n", "collection", "mode",
        "nDCG@10", "÷float", "÷exact", "expected", "R@100", "expected", "B/tok"));
    for (RegressionRunner.Result r : results) {
      Measures f = r.measures().get(RegressionRunner.FLOAT_EXACT);
      Measures c = r.measures().get("exact");
      for (var e : r.measures().entrySet()) {
        Measures m = e.getValue();
        RegressionSpec.Expected x = r.spec().expected().get(e.getKey());
        boolean compressedExact = e.getKey().equals("exact"); // bytes per token of the index
        sb.append(String.format(Locale.ROOT, "%-12s %-12s %8.4f %7s %7s %9s %7.4f %9s %6s%n", r.spec().name(),
            e.getKey(), m.ndcg_cut_10(), ratio(m, f), c == null ? "" : ratio(m, c),
            x == null ? "-" : mark(m.ndcg_cut_10(), x.ndcg_cut_10(), r.spec().tolerance()), m.recall_100(),
            x == null ? "-" : mark(m.recall_100(), x.recall_100(), r.spec().tolerance()),
            compressedExact ? "" + r.bytesPerToken() : ""));
      }
    }
    return sb.toString();
  }

  private static String ratio(Measures m, Measures ref) {
    return ref == null || ref.ndcg_cut_10() == 0 ? "" : String.format(Locale.ROOT, "%.3f",
        m.ndcg_cut_10() / ref.ndcg_cut_10());
  }

  /** The expected value, with a '!' when the measured one is outside the tolerance. */
  private static String mark(double got, double expected, double tol) {
    return String.format(Locale.ROOT, "%.4f%s", expected, Math.abs(got - expected) > tol ? "!" : " ");
  }
}
