package io.latte.indexer.build;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.CommitData;
import io.latte.indexer.input.BadDocument;

/**
 * Progress of an {@link IndexBuilder} run, e.g. for a progress bar. Every method has a no-op
 * default. Called from two threads: the reading/encoding thread ({@code onResume}, {@code
 * onTraining*}, {@code onEncoded}, {@code onBadDocument}) and the writing thread ({@code
 * onWritten}, {@code onCommit}); implementations must be thread-safe.
 */
public interface BuildListener {

  BuildListener NONE = new BuildListener() {};

  /** An interrupted run over the same input continues: input lines up to {@code line} are skipped. */
  default void onResume(long line, long alreadyWritten) {}

  /** Codebook training starts on a sample (the documents read so far). */
  default void onTrainingStart(long sampleTokens, long sampleDocuments, int numCentroids, long estimatedTokens) {}

  /** The codebook is trained (or was given) and written; indexing of the buffered documents starts. */
  default void onTrained(Codebook codebook, double seconds) {}

  /** A batch was embedded. */
  default void onEncoded(int documents, long tokens) {}

  /** A batch was compressed and handed to Lucene (durable at the next commit). */
  default void onWritten(int documents, long tokens) {}

  /** A commit made everything written so far durable. */
  default void onCommit(CommitData data) {}

  /** A document was skipped (policy SKIP); under STOP the run fails with it instead. */
  default void onBadDocument(BadDocument bad) {}

  /** A new index is being merged from {@code segments} segments down to {@code target}. */
  default void onMerging(int segments, int target) {}

  /** The merge is committed. */
  default void onMerged(int segments, double seconds) {}
}
