package io.latte.eval.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which {@code trec_eval} ranks one query's results, whatever order or rank column the
 * run file has. Checked against the NIST binary by {@code TrecEvalCrossCheckTest}:
 *
 * <ol>
 *   <li>by score descending, where the score is compared as a {@code float}, because {@code trec_eval}
 *       parses the score column with {@code atof} into a {@code float} field: 1.00000002 and 1.00000001
 *       tie;
 *   <li>ties by document id descending in {@code strcmp} order, which for UTF-8 ids is Unicode code
 *       point order (not {@link String#compareTo}, which compares UTF-16 units and puts U+FFFD above
 *       supplementary characters).
 * </ol>
 */
public final class TrecOrder {
  /** trec_eval's ranking order; the first element is rank 1. */
  public static final Comparator<ScoredDoc> COMPARATOR =
      (a, b) -> {
        int byScore = Float.compare((float) b.score(), (float) a.score());
        return byScore != 0 ? byScore : compareCodePoints(b.docId(), a.docId());
      };

  private TrecOrder() {}

  /**
   * A sorted copy of {@code results} cut to the first {@code depth}.
   *
   * @throws IllegalArgumentException if {@code depth < 1} or a document id occurs twice
   *     ({@code trec_eval} refuses such runs)
   */
  public static List<ScoredDoc> rank(Collection<ScoredDoc> results, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, got " + depth);
    }
    Set<String> seen = new HashSet<>();
    for (ScoredDoc doc : results) {
      if (!seen.add(doc.docId())) {
        throw new IllegalArgumentException(
            "doc \"" + doc.docId() + "\" appears twice in one query's results");
      }
    }
    List<ScoredDoc> sorted = new ArrayList<>(results);
    sorted.sort(COMPARATOR);
    return sorted.size() <= depth ? sorted : new ArrayList<>(sorted.subList(0, depth));
  }

  /** Compares by Unicode code point, which matches {@code strcmp} on the UTF-8 bytes. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
