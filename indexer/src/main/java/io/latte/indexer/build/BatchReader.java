package io.latte.indexer.build;

import io.latte.indexer.input.BadDocument;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.SourceRecord;
import io.latte.indexer.input.TokenEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reading side of the pipeline: pulls records from the source, skips lines a resumed run
 * already committed, checks documents, removes duplicate ids within a batch, and embeds each batch.
 *
 * <p><b>Duplicate ids.</b> Across batches and runs, a document replaces the one with the same id
 * (Lucene's update by term). Within one batch the same rule applies — the later line wins — but the
 * earlier line is reported as a bad document ("replaced by line N"), because a corpus that repeats
 * an id is usually broken and the user should hear about it. It is never encoded.
 */
final class BatchReader {

  private final DocumentSource source;
  private final long resumeAfter;
  private final DocumentChecks checks;
  private final BadDocuments bad;
  private final TokenEmbedder embedder;
  private final int batchSize;
  private final BuildListener listener;
  private long lastLine;
  private long documentsRead;

  BatchReader(
      DocumentSource source, long resumeAfter, DocumentChecks checks, BadDocuments bad,
      TokenEmbedder embedder, int batchSize, BuildListener listener) {
    this.source = source;
    this.resumeAfter = resumeAfter;
    this.checks = checks;
    this.bad = bad;
    this.embedder = embedder;
    this.batchSize = batchSize;
    this.listener = listener;
    this.lastLine = resumeAfter;
  }

  /** The last input line read (or the resume point, before anything new is read). */
  long lastLine() {
    return lastLine;
  }

  /** Documents read, checked and embedded by this reader. */
  long documentsRead() {
    return documentsRead;
  }

  /** The next embedded batch (possibly empty when all its documents were bad), or null at the end. */
  Batch next() {
    List<CheckedDocument> pending = new ArrayList<>(batchSize);
    Map<String, Integer> position = new HashMap<>();
    boolean any = false;
    while (pending.size() < batchSize && source.hasNext()) {
      SourceRecord r = source.next();
      if (r.line() <= resumeAfter) {
        continue; // committed by the interrupted run we resume
      }
      any = true;
      lastLine = r.line();
      switch (r) {
        case BadDocument b -> bad.report(b);
        case SourceDocument d -> {
          CheckedDocument c = checks.check(d);
          if (c != null) {
            Integer earlier = position.put(d.id(), pending.size());
            if (earlier != null) {
              SourceDocument old = pending.get(earlier).doc();
              bad.report(BadDocument.of(old, "duplicate _id in the same batch: replaced by line " + d.line()));
              pending.set(earlier, null);
            }
            pending.add(c);
          }
        }
      }
    }
    pending.removeIf(java.util.Objects::isNull);
    if (!any) {
      return null;
    }
    return embed(pending);
  }

  private Batch embed(List<CheckedDocument> docs) {
    if (docs.isEmpty()) {
      return new Batch(List.of(), List.of(), lastLine, false);
    }
    List<SourceDocument> sources = docs.stream().map(CheckedDocument::doc).toList();
    List<DocumentVectors> vectors = embedder.embed(sources);
    if (vectors == null || vectors.size() != docs.size()) {
      throw new IllegalStateException(
          "the embedder returned " + (vectors == null ? "null" : vectors.size() + " results") + " for "
              + docs.size() + " documents (" + sources.get(0).where() + " …)");
    }
    List<CheckedDocument> keptDocs = new ArrayList<>(docs.size());
    List<DocumentVectors> keptVectors = new ArrayList<>(docs.size());
    long tokens = 0;
    for (int i = 0; i < docs.size(); i++) {
      if (checks.accept(sources.get(i), vectors.get(i))) {
        keptDocs.add(docs.get(i));
        keptVectors.add(vectors.get(i));
        tokens += vectors.get(i).tokenCount();
      }
    }
    documentsRead += keptDocs.size();
    listener.onEncoded(keptDocs.size(), tokens);
    return new Batch(keptDocs, keptVectors, lastLine, false);
  }
}
