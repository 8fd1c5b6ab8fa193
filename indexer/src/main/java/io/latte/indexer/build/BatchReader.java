package io.latte.indexer.build;

import io.latte.indexer.input.BadDocument;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.SourceRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;

/**
 * The reading side of the pipeline: pulls records from the source, skips lines a resumed run
 * already committed, checks documents, removes duplicate ids within a batch, and embeds each batch.
 *
 * <p><b>Read-ahead.</b> Reading and checking happen on the caller's thread, in input order; each
 * batch is then embedded by {@link EmbeddingWorkers}, and up to two batches per worker thread are
 * in flight while the caller waits for the oldest. {@link #next()} returns batches in input order.
 *
 * <p><b>Sampling.</b> With a stride s > 1 only every s-th document is embedded (the codebook's
 * training sample spread across the whole input). With a cache, documents already embedded for
 * the sample are taken from it instead of being encoded again.
 *
 * <p><b>Precomputed vectors.</b> A document that brings its own vectors skips the encoder: it is
 * treated like a cached one, and goes through the same checks, sampling and writer as the rest.
 *
 * <p><b>Duplicate ids.</b> Across batches and runs, a document replaces the one with the same id
 * (Lucene's update by term). Within one batch the same rule applies — the later line wins — but the
 * earlier line is reported as a bad document ("replaced by line N"), because a corpus that repeats
 * an id is usually broken and the user should hear about it. It is never encoded.
 */
final class BatchReader {

  /** A batch read and checked, being embedded. */
  private record Pending(
      List<CheckedDocument> docs, DocumentVectors[] cached, Future<List<DocumentVectors>> future, long through) {}

  private final DocumentSource source;
  private final long resumeAfter;
  private final DocumentChecks checks;
  private final BadDocuments bad;
  private final EmbeddingWorkers workers;
  private final int batchSize;
  private final BuildListener listener;
  private final Map<Long, DocumentVectors> cache;
  private final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
  private int stride = 1;
  private long candidates;
  private boolean inputDone;
  private long lastLine;
  private long documentsRead;

  /**
   * @param cache embeddings by input line, taken (and removed) instead of encoding; may be null
   */
  BatchReader(
      DocumentSource source, long resumeAfter, DocumentChecks checks, BadDocuments bad,
      EmbeddingWorkers workers, int batchSize, BuildListener listener, Map<Long, DocumentVectors> cache) {
    this.source = source;
    this.resumeAfter = resumeAfter;
    this.checks = checks;
    this.bad = bad;
    this.workers = workers;
    this.batchSize = batchSize;
    this.listener = listener;
    this.cache = cache;
    this.lastLine = resumeAfter;
  }

  /** Embeds only every {@code s}-th document from now on (1 = all). */
  void stride(int s) {
    if (s < 1) {
      throw new IllegalArgumentException("stride must be >= 1, got " + s);
    }
    stride = s;
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
    // Two batches per worker: a worker that finishes early finds the next batch queued instead of
    // idling until the oldest one (which the caller waits for) is done.
    while (!inputDone && inFlight.size() < 2 * workers.threads()) {
      Pending p = read();
      if (p == null) {
        inputDone = true;
      } else {
        inFlight.add(p);
      }
    }
    Pending p = inFlight.poll();
    return p == null ? null : finish(p);
  }

  /** Waits for the batches already being embedded and returns them, reading nothing more. */
  List<Batch> drain() {
    inputDone = true;
    List<Batch> out = new ArrayList<>();
    Batch b;
    while ((b = next()) != null) {
      out.add(b);
    }
    return out;
  }

  /** Gives up batches still being embedded (after a failure). */
  void cancel() {
    for (Pending p : inFlight) {
      if (p.future() != null) {
        p.future().cancel(true);
      }
    }
    inFlight.clear();
  }

  private Pending read() {
    List<CheckedDocument> pending = new ArrayList<>(batchSize);
    Map<String, Integer> position = new HashMap<>();
    boolean any = false;
    while (pending.size() < batchSize) {
      if (stride > 1 && resumeAfter == 0 && candidates % stride != 0) {
        long line = source.skip(); // not in the sample: not even parsed
        if (line < 0) {
          break;
        }
        candidates++;
        any = true;
        lastLine = line;
        continue;
      }
      if (!source.hasNext()) {
        break;
      }
      SourceRecord r = source.next();
      if (r.line() <= resumeAfter) {
        continue; // committed by the interrupted run we resume
      }
      any = true;
      lastLine = r.line();
      if (stride > 1 && candidates++ % stride != 0) {
        continue; // not in the sample
      }
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
    pending.removeIf(Objects::isNull);
    if (!any) {
      return null;
    }
    DocumentVectors[] cached = new DocumentVectors[pending.size()];
    List<SourceDocument> toEncode = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      SourceDocument d = pending.get(i).doc();
      DocumentVectors v = d.hasVectors() ? d.vectors().forDocument(d) : cache == null ? null : cache.remove(d.line());
      if (v != null && v.id().equals(d.id())) {
        cached[i] = v;
      } else {
        toEncode.add(d);
      }
    }
    Future<List<DocumentVectors>> f = toEncode.isEmpty() ? null : workers.submit(toEncode);
    return new Pending(pending, cached, f, lastLine);
  }

  private Batch finish(Pending p) {
    List<CheckedDocument> docs = p.docs();
    if (docs.isEmpty()) {
      return new Batch(List.of(), List.of(), p.through(), false);
    }
    List<DocumentVectors> encoded = p.future() == null ? List.of() : EmbeddingWorkers.await(p.future());
    int expected = (int) java.util.Arrays.stream(p.cached()).filter(Objects::isNull).count();
    if (encoded == null || encoded.size() != expected) {
      throw new IllegalStateException(
          "the embedder returned " + (encoded == null ? "null" : encoded.size() + " results") + " for "
              + expected + " documents (" + docs.get(0).doc().where() + " …)");
    }
    List<CheckedDocument> keptDocs = new ArrayList<>(docs.size());
    List<DocumentVectors> keptVectors = new ArrayList<>(docs.size());
    long tokens = 0;
    int e = 0;
    for (int i = 0; i < docs.size(); i++) {
      DocumentVectors v = p.cached()[i] != null ? p.cached()[i] : encoded.get(e++);
      SourceDocument d = docs.get(i).doc();
      if (checks.accept(d, v)) {
        keptDocs.add(docs.get(i));
        keptVectors.add(v);
        tokens += v.tokenCount();
      }
    }
    documentsRead += keptDocs.size();
    listener.onEncoded(keptDocs.size(), tokens);
    return new Batch(keptDocs, keptVectors, p.through(), false);
  }
}
