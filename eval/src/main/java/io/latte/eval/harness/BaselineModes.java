package io.latte.eval.harness;

import io.latte.eval.baseline.Bm25Baseline;
import io.latte.eval.baseline.DenseExact;
import io.latte.eval.baseline.ExactMaxSim;
import io.latte.eval.baseline.Rankings;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.encode.Flatten;
import io.latte.models.EncodedText;
import java.util.List;
import java.util.Locale;

/** The modes {@code latte eval} runs without an index: bm25, dense and exact. */
public final class BaselineModes {
  public static final List<String> NAMES = List.of("bm25", "dense", "exact");

  private BaselineModes() {}

  /** Parses a comma-separated mode list; an unknown name is an error listing the known ones. */
  public static List<String> parse(String csv, List<String> known) {
    List<String> modes = java.util.Arrays.stream(csv.split(","))
        .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).distinct().toList();
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("--modes is empty; choose from " + String.join(",", known));
    }
    for (String m : modes) {
      if (!known.contains(m)) {
        throw new IllegalArgumentException("unknown mode '" + m + "'; choose from " + String.join(",", known));
      }
    }
    return modes;
  }

  public static ModeRunner bm25(Bm25Baseline bm25, QuerySet queries) {
    return (q, depth) -> bm25.search(queries.text(q), depth);
  }

  public static ModeRunner dense(EncodedCorpus corpus, QuerySet queries) {
    DenseExact dense = new DenseExact(corpus);
    return (q, depth) -> Rankings.top(dense.scoreAll(queries.encoded(q).pooled()), depth, corpus::id);
  }

  public static ModeRunner exact(EncodedCorpus corpus, QuerySet queries) {
    ExactMaxSim exact = new ExactMaxSim(corpus);
    return (q, depth) -> {
      EncodedText e = queries.encoded(q);
      return Rankings.top(exact.scoreAll(Flatten.rows(e), e.length()), depth, corpus::id);
    };
  }
}
