package io.latte.indexer.input;

import java.io.Closeable;
import java.util.Iterator;
import java.util.List;

/**
 * A stream of records to index, read one at a time so memory stays bounded whatever the corpus
 * size. Records come in increasing {@link SourceRecord#line()} order.
 */
public interface DocumentSource extends Iterator<SourceRecord>, Closeable {

  /**
   * Identifies this input (e.g. absolute path, size and modification time of a file). An interrupted
   * run records it in every commit; a run over the same input resumes after the last committed
   * record instead of encoding everything again. Return null to never resume.
   */
  String fingerprint();

  /** Number of records when known in advance (for the progress bar's ETA), else -1. */
  default long expectedRecords() {
    return -1;
  }

  /**
   * A fresh source over the same records from the first one, or null when the input can be read
   * only once. A new index reads its codebook training sample through it, spread across the whole
   * input, before the pipeline reads this source.
   */
  default DocumentSource reopen() {
    return null;
  }

  /**
   * Passes over the next record without building it, for a reader that will not use it (the
   * codebook sample reads every s-th document): a file source does not parse the line or its
   * vectors. The default builds and drops it.
   *
   * @return the record's line, or -1 at the end
   */
  default long skip() {
    return hasNext() ? next().line() : -1;
  }

  /** Unchecked, so sources can be used with try-with-resources anywhere. */
  @Override
  void close();

  /** An in-memory source, e.g. for tests and programmatic indexing. */
  static DocumentSource of(String fingerprint, List<? extends SourceRecord> records) {
    Iterator<? extends SourceRecord> it = records.iterator();
    List<? extends SourceRecord> all = List.copyOf(records);
    long size = records.size();
    return new DocumentSource() {
      @Override
      public String fingerprint() {
        return fingerprint;
      }

      @Override
      public long expectedRecords() {
        return size;
      }

      @Override
      public DocumentSource reopen() {
        return of(fingerprint, all);
      }

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public SourceRecord next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
