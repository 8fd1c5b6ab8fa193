package io.latte.eval.beir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A dataset in the BEIR layout (see the package documentation), on disk or on the classpath.
 *
 * <p>Opening checks that the corpus and queries files exist, so a wrong path fails at once rather
 * than after an hour of indexing. Nothing is read until asked for; the corpus is only streamed.
 */
public final class BeirDataset {
  /** Base name of the corpus file; {@code .gz} may be appended. */
  public static final String CORPUS_FILE = "corpus.jsonl";

  /** Base name of the queries file; {@code .gz} may be appended. */
  public static final String QUERIES_FILE = "queries.jsonl";

  /** Folder holding one {@code <split>.tsv} per split. */
  public static final String QRELS_DIR = "qrels";

  private static final String GZ = ".gz";

  private final DatasetSource source;
  private final String corpusFile;
  private final String queriesFile;

  private BeirDataset(DatasetSource source, String corpusFile, String queriesFile) {
    this.source = source;
    this.corpusFile = corpusFile;
    this.queriesFile = queriesFile;
  }

  /**
   * Opens the dataset in {@code dir}.
   *
   * @throws NoSuchFileException naming the path when the folder, corpus or queries file is missing
   */
  public static BeirDataset open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "BEIR dataset folder not found");
    }
    return open(DatasetSource.directory(dir));
  }

  /**
   * Opens the dataset in {@code source}.
   *
   * @throws NoSuchFileException naming the expected location when the corpus or queries is missing
   * @throws IOException when both a plain and a gzipped copy of one file exist
   */
  public static BeirDataset open(DatasetSource source) throws IOException {
    Objects.requireNonNull(source, "source");
    return new BeirDataset(source, resolve(source, CORPUS_FILE), resolve(source, QUERIES_FILE));
  }

  /** Picks {@code base} or {@code base.gz}, whichever exists. */
  private static String resolve(DatasetSource source, String base) throws IOException {
    boolean plain = source.exists(base);
    boolean gzipped = source.exists(base + GZ);
    if (plain && gzipped) {
      // Refuse to guess: one of them is usually a stale copy.
      throw new IOException(
          "both "
              + source.location(base)
              + " and "
              + source.location(base + GZ)
              + " exist; keep only one");
    }
    if (!plain && !gzipped) {
      throw new NoSuchFileException(
          source.location(base), null, "not found (nor " + base + GZ + ")");
    }
    return plain ? base : base + GZ;
  }

  public DatasetSource source() {
    return source;
  }

  /** The dataset's short name, e.g. "scifact". */
  public String name() {
    return source.name();
  }

  /** Where the corpus is read from, for logs. */
  public String corpusLocation() {
    return source.location(corpusFile);
  }

  /**
   * Opens the corpus as an iterator that reads one line at a time. Close it. Iteration throws
   * {@link BeirFormatException} at the first bad line, after handing out every document before it.
   */
  public CloseableIterator<BeirDocument> openCorpus() throws IOException {
    return JsonLinesReader.open(source, corpusFile, BeirRecords::document);
  }

  /**
   * The corpus as a lazy stream, in file order; use try-with-resources to close the file. Document ids
   * are not checked for duplicates here: that would mean keeping every id of a corpus in memory.
   */
  public Stream<BeirDocument> corpus() throws IOException {
    return openCorpus().stream();
  }

  /**
   * All queries in file order.
   *
   * @throws BeirFormatException on a bad line or a repeated query id
   */
  public List<BeirQuery> queries() throws IOException {
    List<BeirQuery> queries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (JsonLinesReader<BeirQuery> reader =
        JsonLinesReader.open(source, queriesFile, BeirRecords::query)) {
      while (reader.hasNext()) {
        BeirQuery query = reader.next();
        if (!seen.add(query.id())) {
          throw new BeirFormatException(
              source.location(queriesFile), "query id \"" + query.id() + "\" appears twice");
        }
        queries.add(query);
      }
    }
    return queries;
  }

  /**
   * The queries that have at least one judgment in {@code split}, in queries-file order: the set BEIR
   * evaluates.
   *
   * @throws BeirFormatException if the qrels judge a query that is not in the queries file (BEIR fails
   *     on that too; it means the qrels belong to another dataset or version)
   */
  public List<BeirQuery> queries(String split) throws IOException {
    Qrels qrels = qrels(split);
    List<BeirQuery> judged = new ArrayList<>();
    Set<String> found = new HashSet<>();
    for (BeirQuery query : queries()) {
      if (qrels.judgedQueries().contains(query.id())) {
        judged.add(query);
        found.add(query.id());
      }
    }
    for (String queryId : qrels.judgedQueries()) {
      if (!found.contains(queryId)) {
        throw new BeirFormatException(
            source.location(qrelsFile(split)),
            "judges query \"" + queryId + "\", which is not in " + source.location(queriesFile));
      }
    }
    return judged;
  }

  /** Whether {@code qrels/<split>.tsv} exists. */
  public boolean hasSplit(String split) {
    return source.exists(qrelsFile(split));
  }

  /**
   * The judgments of {@code split} (e.g. "test").
   *
   * @throws NoSuchFileException naming {@code qrels/<split>.tsv} when the split does not exist
   * @throws BeirFormatException on a bad line or a duplicated (query, document) pair
   */
  public Qrels qrels(String split) throws IOException {
    return QrelsTsvReader.read(source, qrelsFile(split));
  }

  private static String qrelsFile(String split) {
    Objects.requireNonNull(split, "split");
    if (split.isEmpty() || split.contains("/") || split.contains("\\") || split.equals("..")) {
      throw new IllegalArgumentException(
          "split must be a plain name such as \"test\", got \"" + split + "\"");
    }
    return QRELS_DIR + "/" + split + ".tsv";
  }

  @Override
  public String toString() {
    return "BeirDataset[" + name() + ", corpus " + corpusLocation() + "]";
  }
}
