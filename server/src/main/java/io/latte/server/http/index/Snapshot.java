package io.latte.server.http.index;

import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.read.LatteIndex;
import io.latte.searcher.FilterParser;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LatteSearcher;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;

/**
 * One commit of the index as searches see it: the index's one read view ({@link LatteIndex}) over
 * the reader of that commit, the searcher and filter parser built from it, and figures for stats and
 * metrics taken once when it is opened (metrics read them on every scrape). Shared by concurrent
 * searches; reference-counted through its reader by {@link SnapshotManager}.
 *
 * @param generation the Lucene commit generation ({@code segments_N})
 * @param sizeBytes bytes of the commit's files plus latte's meta and codebook
 */
public record Snapshot(LatteIndex index, LatteSearcher searcher, FilterParser filters, long generation,
    long sizeBytes) {

  /** Opens the view of {@code reader}'s commit; takes over the caller's reference to it. */
  static Snapshot of(Path indexDir, DirectoryReader reader, IndexFiles files) throws IOException {
    LatteIndex view = LatteIndex.over(indexDir, reader, files);
    return new Snapshot(view, new LatteSearcher(IndexHandle.of(view)), FilterParser.forIndex(view),
        view.generation(), view.sizeBytes());
  }

  public DirectoryReader reader() {
    return index.reader();
  }

  public CommitData commit() {
    return index.commit();
  }

  /** Live documents. */
  public int documents() {
    return reader().numDocs();
  }

  /** Deleted documents not yet merged away. */
  public int deletedDocuments() {
    return reader().numDeletedDocs();
  }

  public int segments() {
    return reader().leaves().size();
  }
}
