package io.latte.indexer.build;

import io.latte.indexer.input.BadDocument;
import io.latte.indexer.input.BadDocumentException;
import io.latte.indexer.input.BadDocumentPolicy;
import java.util.ArrayList;
import java.util.List;

/** Applies the bad-document policy: count and keep the first few, or stop. Reading thread only. */
final class BadDocuments {

  private final BadDocumentPolicy policy;
  private final int maxReported;
  private final BuildListener listener;
  private final List<BadDocument> reported = new ArrayList<>();
  private long count;

  BadDocuments(BadDocumentPolicy policy, int maxReported, BuildListener listener) {
    this.policy = policy;
    this.maxReported = maxReported;
    this.listener = listener;
  }

  /** @throws BadDocumentException under {@link BadDocumentPolicy#STOP} */
  void report(BadDocument bad) {
    if (policy == BadDocumentPolicy.STOP) {
      throw new BadDocumentException(bad);
    }
    count++;
    if (reported.size() < maxReported) {
      reported.add(bad);
    }
    listener.onBadDocument(bad);
  }

  long count() {
    return count;
  }

  List<BadDocument> reported() {
    return reported;
  }
}
