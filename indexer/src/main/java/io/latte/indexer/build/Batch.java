package io.latte.indexer.build;

import io.latte.indexer.input.DocumentVectors;
import java.util.List;

/**
 * Embedded documents on their way from the reading thread to the writing thread.
 *
 * @param docs checked documents
 * @param vectors their embeddings, aligned with {@code docs}
 * @param through every input line up to this one is handled once this batch is written (written,
 *     or skipped as bad); recorded by the next commit so a rerun can resume after it
 * @param end true for the marker that ends the input (no documents)
 */
record Batch(List<CheckedDocument> docs, List<DocumentVectors> vectors, long through, boolean end) {

  static Batch end(long through) {
    return new Batch(List.of(), List.of(), through, true);
  }

  long tokens() {
    long t = 0;
    for (DocumentVectors v : vectors) {
      t += v.tokenCount();
    }
    return t;
  }
}
