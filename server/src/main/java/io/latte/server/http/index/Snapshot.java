package io.latte.server.http.index;

import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.searcher.FilterParser;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LatteSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;

/**
 * One commit of the index as searches see it: the Lucene reader, the searcher over it, the filter
 * parser for its metadata schema, and figures for stats and metrics taken once when it is opened.
 * Shared by concurrent searches; reference-counted through its reader by {@link SnapshotManager}.
 *
 * @param generation the Lucene commit generation ({@code segments_N})
 * @param sizeBytes bytes of the commit's files plus latte's meta and codebook
 */
public record Snapshot(
    DirectoryReader reader,
    LatteSearcher searcher,
    FilterParser filters,
    CommitData commit,
    long generation,
    long sizeBytes) {

  /** Opens the view of {@code reader}'s commit; does not take a reference of its own. */
  static Snapshot of(Path indexDir, DirectoryReader reader, IndexFiles files) throws IOException {
    IndexCommit ic = reader.getIndexCommit();
    CommitData commit = CommitData.fromUserData(ic.getUserData(), indexDir.toString());
    long size = 0;
    for (String name : ic.getFileNames()) {
      size += reader.directory().fileLength(name);
    }
    for (String own : new String[] {LatteIndexFormat.META_FILE, LatteIndexFormat.CODEBOOK_FILE}) {
      Path p = indexDir.resolve(own);
      if (Files.exists(p)) {
        size += Files.size(p);
      }
    }
    return new Snapshot(reader, new LatteSearcher(new IndexHandle(reader, files)),
        new FilterParser(commit.schema().types()), commit, ic.getGeneration(), size);
  }

  /** Live documents. */
  public int documents() {
    return reader.numDocs();
  }

  /** Deleted documents not yet merged away. */
  public int deletedDocuments() {
    return reader.numDeletedDocs();
  }

  public int segments() {
    return reader.leaves().size();
  }
}
