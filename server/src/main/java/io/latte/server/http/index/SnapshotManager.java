package io.latte.server.http.index;

import io.latte.indexer.format.IndexFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.Directory;

/**
 * Lucene's {@link ReferenceManager} over {@link Snapshot}s: searches acquire the current snapshot
 * and release it; after each commit {@link #maybeRefreshBlocking()} opens the new commit (sharing
 * unchanged segments through {@link DirectoryReader#openIfChanged}) and swaps it in, and the old
 * reader closes when its last search releases it. So a search never sees a half-applied batch and
 * never blocks on a write.
 */
final class SnapshotManager extends ReferenceManager<Snapshot> {
  private final Path indexDir;
  private final IndexFiles files;

  SnapshotManager(Path indexDir, Directory directory, IndexFiles files) throws IOException {
    this.indexDir = indexDir;
    this.files = files;
    DirectoryReader reader = DirectoryReader.open(directory);
    try {
      current = Snapshot.of(indexDir, reader, files);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  protected void decRef(Snapshot reference) throws IOException {
    reference.index().close(); // a view over a reader: gives back its reference
  }

  @Override
  protected Snapshot refreshIfNeeded(Snapshot referenceToRefresh) throws IOException {
    DirectoryReader next = DirectoryReader.openIfChanged(referenceToRefresh.reader());
    if (next == null) {
      return null;
    }
    try {
      return Snapshot.of(indexDir, next, files);
    } catch (IOException | RuntimeException e) {
      next.close();
      throw e;
    }
  }

  @Override
  protected boolean tryIncRef(Snapshot reference) {
    return reference.reader().tryIncRef();
  }

  @Override
  protected int getRefCount(Snapshot reference) {
    return reference.reader().getRefCount();
  }
}
