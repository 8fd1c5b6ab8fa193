package io.latte.indexer.build;

import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.EncodedDocument;
import io.latte.indexer.format.FitStats;
import io.latte.indexer.write.LatteIndexWriter;
import io.latte.indexer.write.TokenCompressor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The writing side of the pipeline, on its own thread: takes embedded batches from a bounded queue,
 * compresses them (centroid assignment + residual codes), hands them to Lucene and commits every
 * {@code commitEveryDocs} documents or {@code commitEverySeconds}, and once more at the end with
 * {@code complete=true}. The queue bound is what keeps memory flat: the reading thread blocks when
 * the writer falls behind.
 *
 * <p>Each commit records, in {@link CommitData}, the last input line it covers; since batches are
 * written in input order, every line up to it is in the index (or was skipped as bad).
 */
final class WriterLoop implements Runnable {

  private static final Batch ABORT = Batch.end(-1);

  private final LatteIndexWriter writer;
  private final TokenCompressor compressor;
  private final CommitData runBase;
  private final DocumentChecks checks;
  private final BuildOptions options;
  private final BuildListener listener;
  private final BlockingQueue<Batch> queue;
  private final Thread thread;
  private volatile Throwable failure;
  private long written;
  private long tokens;
  private int commits;

  WriterLoop(
      LatteIndexWriter writer, CommitData runBase, DocumentChecks checks, BuildOptions options,
      BuildListener listener) {
    this.writer = writer;
    this.compressor = TokenCompressor.forIndex(writer.meta(), writer.codebook(), options.trainingThreads());
    this.runBase = runBase;
    this.checks = checks;
    this.options = options;
    this.listener = listener;
    this.queue = new ArrayBlockingQueue<>(options.queueBatches());
    this.thread = new Thread(this, "latte-index-writer");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a batch, waiting while the queue is full; fails fast if the writer has failed. */
  void submit(Batch b) throws InterruptedException {
    while (!queue.offer(b, 200, TimeUnit.MILLISECONDS)) {
      rethrowFailure();
    }
    rethrowFailure();
  }

  /** Ends the input; the writer makes its final commit. */
  void finish(long through) throws InterruptedException {
    submit(Batch.end(through));
  }

  /** Stops the writer without committing what it has not committed yet. */
  void abort() {
    queue.clear();
    queue.offer(ABORT);
  }

  /** Waits for the writer thread to end and rethrows its failure. */
  void await() throws InterruptedException {
    thread.join();
    rethrowFailure();
  }

  /** Waits for the writer thread to end, ignoring interrupts and its failure (cleanup path). */
  void joinQuietly() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void rethrowFailure() {
    Throwable f = failure;
    if (f instanceof RuntimeException r) {
      throw r;
    } else if (f instanceof Error e) {
      throw e;
    } else if (f != null) {
      throw new IllegalStateException("index writer failed: " + f.getMessage(), f);
    }
  }

  long written() {
    return written;
  }

  long tokens() {
    return tokens;
  }

  int commits() {
    return commits;
  }

  FitStats fit() {
    return runBase.latestFit().plus(compressor.fit());
  }

  @Override
  public void run() {
    try {
      long lastCommitNanos = System.nanoTime();
      long sinceCommit = 0;
      long through = runBase.through();
      while (true) {
        Batch b = queue.take();
        if (b == ABORT) {
          return;
        }
        if (b.end()) {
          commit(Math.max(through, b.through()), true);
          return;
        }
        write(b);
        through = b.through();
        sinceCommit += b.docs().size();
        double secs = (System.nanoTime() - lastCommitNanos) / 1e9;
        if (sinceCommit >= options.commitEveryDocs() || secs >= options.commitEverySeconds()) {
          commit(through, false);
          sinceCommit = 0;
          lastCommitNanos = System.nanoTime();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    } catch (IOException e) {
      failure = new UncheckedIOException("writing " + writer.path() + ": " + e.getMessage(), e);
    } catch (Throwable t) {
      failure = t;
    }
  }

  private void write(Batch b) throws IOException {
    if (b.docs().isEmpty()) {
      return;
    }
    List<EncodedDocument> encoded = compressor.compress(b.vectors());
    long t = 0;
    for (int i = 0; i < encoded.size(); i++) {
      writer.upsert(encoded.get(i), b.docs().get(i).metadata());
      t += encoded.get(i).tokenCount();
    }
    written += encoded.size();
    tokens += t;
    listener.onWritten(encoded.size(), t);
  }

  private void commit(long through, boolean complete) throws IOException {
    FitStats runFit = compressor.fit();
    FitStats initial = runBase.creating() ? runBase.initialFit().plus(runFit) : runBase.initialFit();
    CommitData data = runBase.withProgress(
        checks.schema(), through, runBase.written() + written, complete, initial, fit());
    writer.commit(data);
    commits++;
    listener.onCommit(data);
  }
}
