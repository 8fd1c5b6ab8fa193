package io.latte.server.http.index;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.input.BadDocumentPolicy;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.stats.IndexStats;
import io.latte.indexer.stats.IndexStatsCollector;
import io.latte.indexer.write.LatteIndexWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The index a server serves: searched through reference-counted {@link Snapshot}s while one writer
 * upserts and deletes.
 *
 * <p><b>Commit policy.</b> Every write request (an upsert batch, a delete) is committed — Lucene
 * commit, fsync'ed — before it returns, and the searchers are refreshed before it returns, so an
 * acknowledged write is durable and visible to the next search. Writes are serialised by one lock;
 * documents are checked and encoded before it is taken, so searches and other writes' encoding go
 * on meanwhile. Searches never wait for writes: they use the last refreshed commit.
 *
 * <p><b>Empty index.</b> A directory without an index is served empty (searches return no hits).
 * The first upsert creates the index: its documents train the codebook (centroids and residual
 * quantiser, as {@code latte index} does on its first documents), so it should be a representative
 * batch of a few hundred documents or more; {@code latte stats} / {@code GET /v1/stats} shows how
 * well later documents fit it.
 *
 * <p>Thread-safe.
 */
public final class LiveIndex implements Closeable {
  private final Path path;
  private final TokenEmbedder embedder;
  private final DocumentPreparer preparer;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private volatile SnapshotManager snapshots; // null while the index does not exist yet
  private DocumentWriter writer; // guarded by writeLock
  private Directory readDirectory; // guarded by writeLock
  private volatile boolean closed;
  private volatile CachedStats cachedStats;
  private final java.util.concurrent.atomic.AtomicInteger writesInProgress = new java.util.concurrent.atomic.AtomicInteger();

  private record CachedStats(long generation, IndexStats stats) {}

  private LiveIndex(Path path, TokenEmbedder embedder) {
    this.path = path;
    this.embedder = embedder;
    this.preparer = new DocumentPreparer(embedder);
  }

  /**
   * Opens the index at {@code path} for serving, or prepares an empty one there.
   *
   * @throws IllegalArgumentException when the index was built with another model, or {@code path}
   *     is a non-empty directory that holds no latte index
   * @throws IOException when another process writes the index, or it cannot be read
   */
  public static LiveIndex open(Path path, TokenEmbedder embedder) throws IOException {
    LiveIndex index = new LiveIndex(path.toAbsolutePath().normalize(), embedder);
    if (LatteIndexWriter.exists(path)) {
      IndexFiles files = IndexFiles.load(path);
      files.meta().model().requireSameModel(embedder.model(), path.toString());
      index.openExisting(files);
    } else {
      requireEmptyOrMissing(path);
      Files.createDirectories(path);
    }
    return index;
  }

  private static void requireEmptyOrMissing(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + " is a file, not an index directory");
    }
    try (Stream<Path> s = Files.list(path)) {
      if (s.anyMatch(p -> !p.getFileName().toString().equals(LatteIndexFormat.META_FILE)
          && !p.getFileName().toString().equals(LatteIndexFormat.CODEBOOK_FILE)
          && !p.getFileName().toString().equals("write.lock"))) {
        throw new IllegalArgumentException(path + " is not empty and holds no latte index (no Lucene"
            + " commit); serve an index directory, or a new or empty directory to start an empty index");
      }
    }
  }

  private void openExisting(IndexFiles files) throws IOException {
    DocumentWriter w = DocumentWriter.open(path);
    Directory dir = null;
    try {
      dir = FSDirectory.open(path);
      snapshots = new SnapshotManager(path, dir, files);
      writer = w;
      readDirectory = dir;
    } catch (IOException | RuntimeException e) {
      w.close();
      if (dir != null) {
        dir.close();
      }
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  /** The model of the encoder (and of the index, once it exists). */
  public ModelIdentity model() {
    return embedder.model();
  }

  /** True until the first upsert creates the index. */
  public boolean isEmpty() {
    return snapshots == null;
  }

  /** A search's hold on the current snapshot; close it when done. */
  public static final class Lease implements AutoCloseable {
    private final SnapshotManager manager;
    private final Snapshot snapshot;

    private Lease(SnapshotManager manager, Snapshot snapshot) {
      this.manager = manager;
      this.snapshot = snapshot;
    }

    /** The snapshot, or empty while the index does not exist yet. */
    public Optional<Snapshot> snapshot() {
      return Optional.ofNullable(snapshot);
    }

    @Override
    public void close() throws IOException {
      if (snapshot != null) {
        manager.release(snapshot);
      }
    }
  }

  /** Holds the current snapshot for one search. */
  public Lease acquire() throws IOException {
    ensureOpen();
    SnapshotManager m = snapshots;
    if (m == null) {
      return new Lease(null, null);
    }
    try {
      return new Lease(m, m.acquire());
    } catch (AlreadyClosedException e) {
      throw new IndexUnavailableException("the index is closed: the server is shutting down");
    }
  }

  /**
   * Adds or replaces the documents (by {@code _id}), commits, and refreshes searches.
   *
   * @throws DocumentRejectedException when a document cannot be indexed (nothing is written)
   */
  public WriteResult upsert(List<SourceDocument> documents) throws IOException {
    ensureOpen();
    writesInProgress.incrementAndGet();
    try {
      List<PreparedDocument> prepared = preparer.prepare(documents);
      writeLock.lock();
      try {
        ensureOpen();
        if (writer == null) {
          create(prepared);
        } else {
          writer.upsert(prepared);
          snapshots.maybeRefreshBlocking();
        }
        return result(prepared.stream().map(p -> p.source().id()).toList());
      } finally {
        writeLock.unlock();
      }
    } finally {
      writesInProgress.decrementAndGet();
    }
  }

  /** Write requests being encoded or written right now. */
  public int writesInProgress() {
    return writesInProgress.get();
  }

  /** Deletes the document, commits and refreshes searches; false when there is no such document. */
  public boolean delete(String id) throws IOException {
    writeLock.lock();
    try {
      ensureOpen();
      if (writer == null || !writer.delete(id)) {
        return false;
      }
      snapshots.maybeRefreshBlocking();
      return true;
    } finally {
      writeLock.unlock();
    }
  }

  /** The stored document with this {@code _id} in the current snapshot. */
  public Optional<StoredDocument> document(String id) throws IOException {
    try (Lease lease = acquire()) {
      if (lease.snapshot().isEmpty()) {
        return Optional.empty();
      }
      var reader = lease.snapshot().get().reader();
      var searcher = new org.apache.lucene.search.IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(new Term(LatteIndexFormat.FIELD_ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(stored(reader.storedFields().document(top.scoreDocs[0].doc)));
    }
  }

  /** Stored fields of a document read from a snapshot's reader. */
  public static StoredDocument stored(Document d) {
    return new StoredDocument(d.get(LatteIndexFormat.FIELD_ID), nonNull(d.get(LatteIndexFormat.FIELD_TITLE)),
        nonNull(d.get(LatteIndexFormat.FIELD_TEXT)), d.get(LatteIndexFormat.FIELD_METADATA));
  }

  /** The stored fields {@link #stored} reads. */
  public static final Set<String> STORED_FIELDS = Set.of(LatteIndexFormat.FIELD_ID, LatteIndexFormat.FIELD_TITLE,
      LatteIndexFormat.FIELD_TEXT, LatteIndexFormat.FIELD_METADATA);

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /**
   * {@code latte stats} of the last commit (what searches see), or empty while the index does not
   * exist. Computed once per commit.
   */
  public Optional<IndexStats> stats() throws IOException {
    try (Lease lease = acquire()) {
      if (lease.snapshot().isEmpty()) {
        return Optional.empty();
      }
      Snapshot s = lease.snapshot().get();
      CachedStats c = cachedStats;
      if (c != null && c.generation() == s.generation()) {
        return Optional.of(c.stats());
      }
      IndexStats stats = IndexStatsCollector.collect(s.index()); // the snapshot's own view: no second open
      cachedStats = new CachedStats(s.generation(), stats);
      return Optional.of(stats);
    }
  }

  /** Creates the index from its first batch (see the class comment), then opens it. */
  private void create(List<PreparedDocument> prepared) throws IOException {
    Map<SourceDocument, DocumentVectors> vectors = new IdentityHashMap<>();
    List<SourceDocument> docs = prepared.stream().map(PreparedDocument::source).toList();
    prepared.forEach(p -> vectors.put(p.source(), p.vectors()));
    TokenEmbedder precomputed = new TokenEmbedder() {
      @Override
      public ModelIdentity model() {
        return embedder.model();
      }

      @Override
      public List<DocumentVectors> embed(List<SourceDocument> batch) {
        return batch.stream().map(vectors::get).toList();
      }
    };
    BuildOptions options = BuildOptions.builder()
        .badDocuments(BadDocumentPolicy.STOP)
        .expectedDocuments(docs.size())
        .batchSize(Math.max(1, Math.min(docs.size(), 256)))
        .resume(false)
        .build();
    try (DocumentSource source = DocumentSource.of(null, docs)) {
      IndexBuilder.build(path, source, precomputed, options, null);
    }
    openExisting(IndexFiles.load(path));
  }

  private WriteResult result(List<String> ids) throws IOException {
    try (Lease lease = acquire()) {
      Snapshot s = lease.snapshot().orElseThrow();
      return new WriteResult(ids, s.generation(), s.documents());
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IndexUnavailableException("the index is closed: the server is shutting down");
    }
  }

  /**
   * Waits for the write in progress (every acknowledged write is already committed), then releases
   * the write lock and the readers; searches still holding a snapshot finish on it.
   */
  @Override
  public void close() throws IOException {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      IOUtils.close(writer, snapshots, readDirectory);
    } finally {
      writeLock.unlock();
    }
  }
}
