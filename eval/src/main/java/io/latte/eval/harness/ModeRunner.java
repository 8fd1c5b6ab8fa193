package io.latte.eval.harness;

import io.latte.eval.metrics.ScoredDoc;
import java.io.IOException;
import java.util.List;

/** Answers query number {@code q} of a {@link QuerySet} with a ranking, best first. */
@FunctionalInterface
public interface ModeRunner {
  List<ScoredDoc> search(int q, int depth) throws IOException;
}
