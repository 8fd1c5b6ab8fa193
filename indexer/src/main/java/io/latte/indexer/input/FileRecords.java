package io.latte.indexer.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * A {@link DocumentSource} over one file read front to back, a record at a time: the iteration, the
 * fingerprint (path, size, modification time) an interrupted run resumes by, and reading the file
 * again for the codebook sample, refused if it changed in between.
 */
abstract class FileRecords implements DocumentSource {

  private final Path path;
  private final String noun;
  private final String fingerprint;
  private SourceRecord next;
  private boolean finished;

  /** @param noun what the file is, in messages ({@code corpus}, {@code vectors}) */
  FileRecords(Path path, String noun) throws IOException {
    this.path = path;
    this.noun = noun;
    this.fingerprint = path.toAbsolutePath().normalize() + " size=" + Files.size(path) + " modified="
        + Files.getLastModifiedTime(path).toMillis();
  }

  /** The next record, or null at the end of the file. */
  abstract SourceRecord read();

  /** Passes over the next record without building it; its line, or -1 at the end of the file. */
  abstract long skipRecordAt();

  /** The same file, opened again from its first record. */
  abstract FileRecords openAgain() throws IOException;

  public Path path() {
    return path;
  }

  /** The file as named in messages. */
  String location() {
    return path.toString();
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  /** The same file read again from its first record (by size and time, it must not have changed). */
  @Override
  public DocumentSource reopen() {
    try {
      FileRecords again = openAgain();
      if (!again.fingerprint.equals(fingerprint)) {
        again.close();
        throw new IllegalStateException(noun + " " + location() + " changed while it was being indexed");
      }
      return again;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + noun + " " + location() + " again: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      next = read();
      finished = next == null;
    }
    return next != null;
  }

  @Override
  public long skip() {
    if (next != null) {
      long line = next.line();
      next = null;
      return line;
    }
    if (finished) {
      return -1;
    }
    long line = skipRecordAt();
    finished = line < 0;
    return line;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("end of " + location());
    }
    SourceRecord r = next;
    next = null;
    return r;
  }
}
