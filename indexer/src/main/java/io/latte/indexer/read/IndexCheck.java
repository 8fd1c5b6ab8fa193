package io.latte.indexer.read;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Verifies an index end to end: the latte files (meta, codebook checksum, the last commit's
 * codebook and format) by opening it, then every Lucene segment with Lucene's {@link CheckIndex} —
 * which verifies the checksums of every file, the token files of
 * {@link io.latte.indexer.codec.LatteTokensPostingsFormat} included, and walks their postings.
 */
public final class IndexCheck {

  /**
   * @param clean no problem found
   * @param problem the first problem (segment and message; a damaged file is named), or null
   * @param segments segments checked
   * @param documents documents in them (deleted included)
   */
  public record Result(boolean clean, String problem, int segments, long documents) {}

  private IndexCheck() {}

  /**
   * @throws IOException when the index cannot be opened at all (not a latte index, wrong format,
   *     codebook damaged: the exception says which), or another process holds its write lock
   */
  public static Result check(Path indexDir) throws IOException {
    try (LatteIndex index = LatteIndex.open(indexDir)) {
      index.reader(); // meta, codebook and commit were checked by open
    }
    try (Directory dir = FSDirectory.open(indexDir); CheckIndex checker = new CheckIndex(dir)) {
      checker.setThreadCount(1);
      CheckIndex.Status status = checker.checkIndex();
      long docs = 0;
      String problem = null;
      for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
        docs += s.maxDoc;
        if (s.error != null && problem == null) {
          problem = "segment " + s.name + ": " + message(s.error);
        }
      }
      if (!status.clean && problem == null) {
        problem = status.missingSegments ? "the segments file names segments that cannot be read"
            : "CheckIndex found problems (" + status.totLoseDocCount + " documents would be lost)";
      }
      return new Result(status.clean, problem, status.segmentInfos.size(), docs);
    }
  }

  /** The innermost message (CheckIndex wraps the codec's exception, which names the file). */
  private static String message(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c.getMessage() != null) {
        if (!sb.isEmpty()) {
          sb.append(" <- ");
        }
        sb.append(c.getMessage().replace('\n', ' '));
      }
    }
    return sb.isEmpty() ? t.getClass().getSimpleName() : sb.toString();
  }
}
