package io.latte.indexer.read;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.format.LuceneDocuments;
import io.latte.indexer.input.ModelIdentity;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * The one read view of a latte index: meta, codebook and a point-in-time Lucene reader of one
 * commit (with its user data and a BM25 searcher), all checked to belong together. Every reader of
 * an index goes through it: {@code latte search}, {@code eval}, {@code bench} and {@code stats}
 * ({@link #open}), and the server's refreshed snapshots ({@link #over}). The searcher's per-view
 * state is built from it ({@code IndexHandle.of}). Thread-safe; per-thread state lives in the
 * {@link LeafTokens.Matrix} iterators it hands out.
 *
 * <p>Open once and share; open again (or view a reopened reader) to see later commits. Closing
 * releases the reader (a view {@link #over} a reader gives back the reference it was handed, so a
 * Lucene {@code ReferenceManager} can count references through {@link #reader()}).
 */
public final class LatteIndex implements Closeable {

  private final Path path;
  private final Directory directory; // null for a view over a reader: the caller owns the directory
  private final DirectoryReader reader;
  private final IndexFiles files;
  private final CommitData commit;
  private final IndexSearcher searcher;
  private final List<LeafTokens> leaves;

  private LatteIndex(Path path, Directory directory, DirectoryReader reader, IndexFiles files, CommitData commit) {
    this.path = path;
    this.directory = directory;
    this.reader = reader;
    this.files = files;
    this.commit = commit;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(LatteIndexFormat.similarity());
    List<LeafTokens> l = new ArrayList<>();
    for (LeafReaderContext ctx : reader.leaves()) {
      l.add(new LeafTokens(ctx, files.meta(), files.codebook()));
    }
    this.leaves = List.copyOf(l);
  }

  /**
   * A view of an already opened reader of the index at {@code indexDir} (a server's reader, reopened
   * after each commit), checked against {@code files} like {@link #open}. The view takes over the
   * caller's reference to {@code reader}: {@link #close()} decrements it, the directory stays open.
   *
   * @throws org.apache.lucene.index.CorruptIndexException when the reader's commit was written with
   *     another codebook or format
   */
  public static LatteIndex over(Path indexDir, DirectoryReader reader, IndexFiles files) throws IOException {
    CommitData commit = CommitData.fromUserData(reader.getIndexCommit().getUserData(), indexDir.toString());
    files.checkCommit(commit, indexDir.toString());
    return new LatteIndex(indexDir, null, reader, files, commit);
  }

  /** Opens without a model check (stats, deletes, tools). */
  public static LatteIndex open(Path indexDir) throws IOException {
    return open(indexDir, null);
  }

  /**
   * Opens the last commit of an index.
   *
   * @param expectedModel the model that will encode queries; a different one is an {@link
   *     IllegalArgumentException} naming both. Null to skip the check.
   * @throws NoSuchFileException when the directory holds no latte index
   * @throws org.apache.lucene.index.CorruptIndexException when meta, codebook and commit disagree or
   *     a file is damaged (the message names the file)
   */
  public static LatteIndex open(Path indexDir, ModelIdentity expectedModel) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new NoSuchFileException(indexDir.toString(), null, "no latte index: not a directory");
    }
    IndexFiles files = IndexFiles.load(indexDir);
    if (expectedModel != null) {
      files.meta().model().requireSameModel(expectedModel, indexDir.toString());
    }
    Directory dir = FSDirectory.open(indexDir);
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new NoSuchFileException(indexDir.toString(), null, "no latte index: no Lucene commit");
      }
      DirectoryReader r = DirectoryReader.open(dir);
      try {
        CommitData commit = CommitData.fromUserData(r.getIndexCommit().getUserData(), indexDir.toString());
        files.checkCommit(commit, indexDir.toString());
        return new LatteIndex(indexDir, dir, r, files, commit);
      } catch (IOException | RuntimeException e) {
        r.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  public Path path() {
    return path;
  }

  public IndexMeta meta() {
    return files.meta();
  }

  /** Decode tokens, project queries ({@link Codebook#project}), build LUT scorers. */
  public Codebook codebook() {
    return files.codebook();
  }

  /** The meta and codebook, as loaded and checked. */
  public IndexFiles files() {
    return files;
  }

  /** The Lucene commit generation this view sees ({@code segments_N}). */
  public long generation() throws IOException {
    return reader.getIndexCommit().getGeneration();
  }

  /** Bytes of this commit's files plus latte's meta and codebook. */
  public long sizeBytes() throws IOException {
    IndexCommit ic = reader.getIndexCommit();
    long size = 0;
    for (String name : ic.getFileNames()) {
      size += reader.directory().fileLength(name);
    }
    for (String own : new String[] {LatteIndexFormat.META_FILE, LatteIndexFormat.CODEBOOK_FILE}) {
      Path p = path.resolve(own);
      if (Files.exists(p)) {
        size += Files.size(p);
      }
    }
    return size;
  }

  /** User data of the commit this reader sees: progress, metadata schema, codebook fit. */
  public CommitData commit() {
    return commit;
  }

  public DirectoryReader reader() {
    return reader;
  }

  /** A searcher with the index's BM25 similarity. */
  public IndexSearcher searcher() {
    return searcher;
  }

  /** Analyzer for BM25 query text on {@link LatteIndexFormat#FIELD_BM25}: the index's language. */
  public Analyzer queryAnalyzer() {
    return LatteIndexFormat.queryAnalyzer(files.meta().language());
  }

  /** One {@link LeafTokens} per segment, in {@code reader().leaves()} order. */
  public List<LeafTokens> leaves() {
    return leaves;
  }

  /** The tokens of segment {@code ctx} (a leaf of {@link #reader()}). */
  public LeafTokens leaf(LeafReaderContext ctx) {
    return leaves.get(ctx.ord);
  }

  /** Where the live document with this {@code _id} is, if any. */
  public Optional<DocRef> find(String id) throws IOException {
    var term = LuceneDocuments.idTerm(id);
    for (LeafTokens leaf : leaves) {
      var terms = leaf.context().reader().terms(LatteIndexFormat.FIELD_ID);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (te.seekExact(term.bytes())) {
        PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
        Bits live = leaf.context().reader().getLiveDocs();
        for (int d = pe.nextDoc(); d != PostingsEnum.NO_MORE_DOCS; d = pe.nextDoc()) {
          if (live == null || live.get(d)) {
            return Optional.of(new DocRef(leaf, d));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A document of one leaf. */
  public record DocRef(LeafTokens leaf, int doc) {
    /** The index-wide doc id. */
    public int globalDoc() {
      return leaf.context().docBase + doc;
    }
  }

  @Override
  public void close() throws IOException {
    if (directory == null) {
      reader.decRef();
      return;
    }
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
