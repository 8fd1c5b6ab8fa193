package io.latte.indexer.write;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.EncodedDocument;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.format.LuceneDocuments;
import io.latte.indexer.format.MetadataValues;
import io.latte.indexer.input.ModelIdentity;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Writes a latte index: adds or replaces documents by {@code _id}, deletes them, and commits with
 * {@link CommitData}. Nothing is visible to readers or durable until {@link #commit}; {@link #close}
 * without a commit discards what was added since the last one (Lucene's rollback), which is what
 * makes a killed or failed run leave the index at its last commit.
 *
 * <p>Used from one thread.
 */
public final class LatteIndexWriter implements Closeable {

  private final Path path;
  private final Directory dir;
  private final IndexWriter writer;
  private final IndexFiles files;
  private final LuceneDocuments documents;
  private CommitData lastCommit;

  private LatteIndexWriter(Path path, Directory dir, IndexWriter writer, IndexFiles files, CommitData last) {
    this.path = path;
    this.dir = dir;
    this.writer = writer;
    this.files = files;
    this.documents = new LuceneDocuments(files.meta());
    this.lastCommit = last;
  }

  /** Whether {@code indexDir} holds a committed Lucene index. */
  public static boolean exists(Path indexDir) throws IOException {
    if (!java.nio.file.Files.isDirectory(indexDir)) {
      return false;
    }
    try (Directory d = FSDirectory.open(indexDir)) {
      return DirectoryReader.indexExists(d);
    }
  }

  /**
   * Creates a new index: takes Lucene's write lock, writes codebook and meta, then an empty first
   * commit that records the codebook's checksum. Anything uncommitted in the directory (a run that
   * crashed before its first commit) is replaced. The lock comes first so that a concurrent run can
   * never overwrite the codebook of an index another process is writing.
   *
   * @param source fingerprint of the input of this run, or null
   * @param language the BM25 field's language code (null = {@link
   *     io.latte.indexer.analysis.Bm25Languages#DEFAULT})
   * @throws IOException if another process holds the lock or committed an index here meanwhile
   */
  public static LatteIndexWriter create(
      Path indexDir, Codebook codebook, ModelIdentity model, IndexMeta.Build build, String source,
      double ramBufferMb, io.latte.indexer.muvera.FdeConfig muvera, String language) throws IOException {
    java.nio.file.Files.createDirectories(indexDir);
    Directory dir = FSDirectory.open(indexDir);
    IndexWriter w = null;
    try {
      w = openWriter(indexDir, dir, language, true, ramBufferMb);
      if (DirectoryReader.indexExists(dir)) {
        throw new IOException(
            "index " + indexDir + " was created by another process while this one trained its codebook;"
                + " run the command again to add to it");
      }
      IndexFiles files = IndexFiles.create(indexDir, codebook, model, build, muvera, language);
      LatteIndexWriter lw = new LatteIndexWriter(indexDir, dir, w, files, null);
      lw.commit(CommitData.initial(files.meta().codebook().sha256(), source));
      return lw;
    } catch (IOException | RuntimeException e) {
      if (w != null) {
        w.rollback();
      }
      dir.close();
      throw e;
    }
  }

  /**
   * Opens an existing index for appending, after checking meta, codebook and last commit agree.
   *
   * @throws IOException naming the directory if it holds no index, or another process writes it
   */
  public static LatteIndexWriter open(Path indexDir, double ramBufferMb) throws IOException {
    if (!exists(indexDir)) {
      throw new java.nio.file.NoSuchFileException(indexDir.toString(), null, "no latte index (no Lucene commit)");
    }
    IndexFiles files = IndexFiles.load(indexDir);
    Directory dir = FSDirectory.open(indexDir);
    try {
      CommitData last =
          CommitData.fromUserData(SegmentInfos.readLatestCommit(dir).getUserData(), indexDir.toString());
      files.checkCommit(last, indexDir.toString());
      return new LatteIndexWriter(indexDir, dir, openWriter(indexDir, dir, files.meta().language(), false, ramBufferMb), files, last);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  private static IndexWriter openWriter(
      Path indexDir, Directory dir, String language, boolean create, double ramMb) throws IOException {
    try {
      return new IndexWriter(dir, LuceneConfig.writerConfig(language, create, ramMb));
    } catch (LockObtainFailedException e) {
      throw new IOException(
          "index " + indexDir + " is being written by another process (" + IndexWriter.WRITE_LOCK_NAME
              + " is held); wait for it to finish", e);
    }
  }

  public Path path() {
    return path;
  }

  public IndexMeta meta() {
    return files.meta();
  }

  public Codebook codebook() {
    return files.codebook();
  }

  /** The data of the last commit (of this writer, or found on open). */
  public CommitData lastCommit() {
    return lastCommit;
  }

  /** Adds {@code doc}, replacing any document with the same {@code _id}. */
  public void upsert(EncodedDocument doc, List<MetadataValues.Value> metadata) throws IOException {
    writer.updateDocument(LuceneDocuments.idTerm(doc.id()), documents.build(doc, metadata));
  }

  /**
   * Deletes the documents with these ids (visible after {@link #commit}).
   *
   * @return the ids that were present (as of the last commit plus this writer's changes)
   */
  public List<String> delete(Collection<String> ids) throws IOException {
    LinkedHashSet<String> found = new LinkedHashSet<>();
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      IndexSearcher s = new IndexSearcher(r);
      for (String id : ids) {
        Term t = LuceneDocuments.idTerm(id);
        if (s.count(new TermQuery(t)) > 0) {
          found.add(id);
        }
        writer.deleteDocuments(t);
      }
    }
    return List.copyOf(found);
  }

  /** Makes everything written so far durable and visible, recording {@code data}. */
  public void commit(CommitData data) throws IOException {
    writer.setLiveCommitData(data.toUserData().entrySet());
    writer.commit();
    lastCommit = data;
  }

  /**
   * Merges the index down to at most {@code maxSegments} segments and commits the result with the
   * last commit's data: nothing is lost if this is interrupted (the previous commit stays until the
   * merged one is complete).
   */
  public void forceMerge(int maxSegments) throws IOException {
    writer.forceMerge(maxSegments);
    writer.commit();
  }

  /** Segments as of the last commit. */
  public int segments() throws IOException {
    try (DirectoryReader r = DirectoryReader.open(writer)) {
      return r.leaves().size();
    }
  }

  /** Discards everything since the last commit and releases the index. */
  @Override
  public void close() throws IOException {
    try {
      writer.close(); // commitOnClose=false: a rollback to the last commit
    } finally {
      dir.close();
    }
  }
}
