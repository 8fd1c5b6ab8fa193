package io.latte.indexer.build;

import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.MetadataSchema;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.write.LatteIndexWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds or extends a latte index from a stream of documents: the library call behind {@code latte
 * index}.
 *
 * <p><b>New index.</b> A sample of the documents is embedded (spread across the input when it can be
 * read twice), the codebook is trained on their tokens ({@link CodebookTraining}), codebook and meta
 * are written, and an empty first commit records the codebook's checksum. Then the whole input flows
 * through the pipeline, the sampled documents reusing their embeddings. <b>Existing index.</b> The model must be the index's
 * ({@link ModelIdentity#requireSameModel}); new documents use the existing codebook; a document
 * whose {@code _id} exists replaces it.
 *
 * <p><b>Pipeline.</b> This thread reads and checks; {@link EmbeddingWorkers} embed several batches
 * at once ({@link BuildOptions#encodeThreads()}); a further thread ({@link WriterLoop}) assigns centroids, quantises residuals
 * and writes to Lucene. A bounded queue between them bounds memory. Commits happen every {@code
 * commitEveryDocs} documents or {@code commitEverySeconds}.
 *
 * <p><b>Crash safety.</b> A killed run leaves the index at its last commit (Lucene never exposes
 * uncommitted segments). Running the same input again resumes after the last committed input line
 * ({@link CommitData#through()}), or, with {@code resume=false}, re-indexes everything: documents
 * already present are replaced by id, so the result has every document exactly once either way.
 *
 * <p><b>Bad input.</b> Unreadable lines and documents that cannot be indexed are skipped and
 * reported, or stop the run, per {@link BuildOptions#badDocuments()}. Input-level problems (the
 * file, the model) always stop before anything is written.
 */
public final class IndexBuilder {

  private IndexBuilder() {}

  /**
   * Indexes every record of {@code source} into {@code indexDir} (created if needed).
   *
   * @throws IllegalArgumentException for a wrong model, conflicting options, or a bad document
   *     under policy STOP ({@link io.latte.indexer.input.BadDocumentException})
   * @throws IOException when the index cannot be read or written
   */
  public static BuildSummary build(
      Path indexDir, DocumentSource source, TokenEmbedder embedder, BuildOptions options,
      BuildListener listener) throws IOException {
    long t0 = System.nanoTime();
    BuildListener l = listener == null ? BuildListener.NONE : listener;
    ModelIdentity model = embedder.model();
    BadDocuments bad = new BadDocuments(options.badDocuments(), options.maxReportedBadDocuments(), l);
    boolean created = !LatteIndexWriter.exists(indexDir);
    LatteIndexWriter writer = null;
    EmbeddingWorkers workers = new EmbeddingWorkers(embedder, options.encodeThreads());
    BatchReader reader = null;
    try {
      DocumentChecks checks;
      CommitData runBase;
      List<Batch> buffered = new java.util.ArrayList<>();
      double trainingSeconds = 0;
      long resumeAfter = 0;
      if (created) {
        checks = new DocumentChecks(model.dim(), embedder.encodesText(), MetadataSchema.empty(), bad);
        // Used by the training phase only when it samples the first documents; else it waits.
        BatchReader first = new BatchReader(source, 0, checks, bad, workers, options.batchSize(), l, null);
        CodebookTraining.Result t = CodebookTraining.run(source, first, workers, checks, model, options, l);
        writer = LatteIndexWriter.create(
            indexDir, t.codebook(), model, t.build(), source.fingerprint(), options.ramBufferMb(),
            options.muvera(), options.language());
        l.onTrained(t.codebook(), t.seconds());
        buffered = t.buffered();
        trainingSeconds = t.seconds();
        runBase = writer.lastCommit();
        reader = t.cache() == null ? first
            : new BatchReader(source, 0, checks, bad, workers, options.batchSize(), l, t.cache());
      } else {
        writer = LatteIndexWriter.open(indexDir, options.ramBufferMb());
        writer.meta().model().requireSameModel(model, indexDir.toString());
        ExistingIndexChecks.requireCompatible(writer.codebook(), options, "index " + indexDir);
        ExistingIndexChecks.requireLanguage(writer.meta().language(), options, "index " + indexDir);
        CommitData last = writer.lastCommit();
        if (options.resume() && last.resumable(source.fingerprint())) {
          resumeAfter = last.through();
          runBase = last;
          l.onResume(resumeAfter, last.written());
        } else {
          runBase = last.startRun(source.fingerprint());
        }
        checks = new DocumentChecks(model.dim(), embedder.encodesText(), last.schema(), bad);
        reader = new BatchReader(source, resumeAfter, checks, bad, workers, options.batchSize(), l, null);
      }
      WriterLoop loop = new WriterLoop(writer, runBase, checks, options, l);
      pump(loop, buffered, reader);
      if (created && options.mergeToSegments() > 0) {
        merge(writer, options.mergeToSegments(), l);
      }
      return new BuildSummary(
          created, resumeAfter, runBase.written() + loop.written(), loop.tokens(), bad.count(),
          bad.reported(), loop.commits(), (System.nanoTime() - t0) / 1e9, trainingSeconds,
          writer.meta().centroids(), loop.fit());
    } finally {
      if (reader != null) {
        reader.cancel();
      }
      workers.close();
      if (writer != null) {
        writer.close(); // after a failure: back to the last commit
      }
    }
  }

  /** Merges a newly built index (everything is committed already: a failure here loses nothing). */
  private static void merge(LatteIndexWriter writer, int target, BuildListener l) throws IOException {
    int before = writer.segments();
    if (before <= target) {
      return;
    }
    long t0 = System.nanoTime();
    l.onMerging(before, target);
    writer.forceMerge(target);
    l.onMerged(writer.segments(), (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Feeds the writer thread. On any failure the writer is stopped without committing and joined
   * before the failure propagates, so the caller can close (roll back) the index safely.
   */
  private static void pump(WriterLoop loop, List<Batch> buffered, BatchReader reader)
      throws InterruptedIOException {
    loop.start();
    boolean ok = false;
    try {
      while (!buffered.isEmpty()) {
        loop.submit(buffered.remove(0)); // let the training buffer go as the writer drains it
      }
      Batch b;
      while ((b = reader.next()) != null) {
        loop.submit(b);
      }
      loop.finish(reader.lastLine());
      loop.await();
      ok = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("indexing interrupted");
    } finally {
      if (!ok) {
        loop.abort();
        loop.joinQuietly();
      }
    }
  }
}
