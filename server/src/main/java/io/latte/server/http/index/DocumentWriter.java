package io.latte.server.http.index;

import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.EncodedDocument;
import io.latte.indexer.format.FitStats;
import io.latte.indexer.format.MetadataSchema;
import io.latte.indexer.write.LatteIndexWriter;
import io.latte.indexer.write.LuceneConfig;
import io.latte.indexer.write.TokenCompressor;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's single writer of an existing index: upserts prepared batches and deletes by id, and
 * commits after each of them, so that a write is durable (fsync'ed by Lucene's commit) before it is
 * acknowledged. Every commit records the metadata schema and the codebook fit as {@code latte index}
 * does ({@link CommitData}); the server's session counts as one run named {@value #RUN_SOURCE}.
 *
 * <p>A batch is all or nothing: if compressing, writing or committing fails part-way, the Lucene
 * writer is rolled back to the last commit and reopened, so the half-written batch can never slip
 * into a later commit. Not thread-safe: {@link LiveIndex} calls it under its write lock.
 */
final class DocumentWriter implements Closeable {
  /** The {@code source} recorded in the commits of the server's run. */
  static final String RUN_SOURCE = "latte serve";

  private final Path indexDir;
  private final double ramBufferMb;
  private final CommitData runBase;
  private LatteIndexWriter writer;
  private TokenCompressor compressor;
  private MetadataSchema schema;
  private FitStats fit = FitStats.EMPTY;
  private long written;

  private DocumentWriter(Path indexDir, double ramBufferMb, LatteIndexWriter writer) {
    this.indexDir = indexDir;
    this.ramBufferMb = ramBufferMb;
    this.writer = writer;
    this.runBase = writer.lastCommit().startRun(RUN_SOURCE);
    this.schema = writer.lastCommit().schema();
    this.compressor = compressor(writer);
  }

  /** Opens the index for writing; fails if another process holds its write lock. */
  static DocumentWriter open(Path indexDir) throws IOException {
    double ram = LuceneConfig.DEFAULT_RAM_BUFFER_MB;
    return new DocumentWriter(indexDir, ram, LatteIndexWriter.open(indexDir, ram));
  }

  private static TokenCompressor compressor(LatteIndexWriter w) {
    return TokenCompressor.forIndex(w.meta(), w.codebook());
  }

  /**
   * Writes the batch and commits.
   *
   * @throws DocumentRejectedException when a document's metadata conflicts with the index's types
   *     (nothing is written)
   */
  void upsert(List<PreparedDocument> docs) throws IOException {
    MetadataSchema next = schema;
    for (PreparedDocument d : docs) {
      try {
        next = next.accept(d.metadata());
      } catch (IllegalArgumentException e) {
        throw new DocumentRejectedException(d.position(), d.source().id(), e.getMessage());
      }
    }
    FitStats before = compressor.fit();
    try {
      List<EncodedDocument> encoded = compressor.compress(docs.stream().map(PreparedDocument::vectors).toList());
      for (int i = 0; i < encoded.size(); i++) {
        writer.upsert(encoded.get(i), docs.get(i).metadata());
      }
      FitStats batchFit = minus(compressor.fit(), before);
      commit(next, written + docs.size(), fit.plus(batchFit));
      schema = next;
      written += docs.size();
      fit = fit.plus(batchFit);
    } catch (IOException | RuntimeException e) {
      rollback(e);
      throw e;
    }
  }

  /** Deletes the document and commits; false (and nothing committed) when there is none. */
  boolean delete(String id) throws IOException {
    try {
      List<String> found = writer.delete(List.of(id));
      if (found.isEmpty()) {
        return false;
      }
      commit(schema, written, fit);
      return true;
    } catch (IOException | RuntimeException e) {
      rollback(e);
      throw e;
    }
  }

  private void commit(MetadataSchema s, long writtenAfter, FitStats runFit) throws IOException {
    FitStats initial = runBase.creating() ? runBase.initialFit().plus(runFit) : runBase.initialFit();
    CommitData data = runBase.withProgress(s, runBase.through(), writtenAfter, true, initial,
        runBase.latestFit().plus(runFit));
    writer.commit(data);
  }

  /** The fit of the tokens compressed between two readings of the compressor's running total. */
  private static FitStats minus(FitStats after, FitStats before) {
    return new FitStats(after.tokens() - before.tokens(), after.sumSquaredError() - before.sumSquaredError(),
        after.sumSquaredNorm() - before.sumSquaredNorm(),
        after.sumCentroidSimilarity() - before.sumCentroidSimilarity());
  }

  private void rollback(Exception cause) {
    try {
      writer.close(); // commitOnClose=false: back to the last commit
      writer = LatteIndexWriter.open(indexDir, ramBufferMb);
      compressor = compressor(writer);
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** Documents written by this server session. */
  long written() {
    return written;
  }

  /** Releases the write lock. Every acknowledged write is already committed. */
  @Override
  public void close() throws IOException {
    writer.close();
  }
}
