package io.latte.eval.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {
  @TempDir Path dir;

  @Test
  void readsCorpusInFileOrderWithOptionalTitleAndMetadata() throws IOException {
    BeirDataset dataset = BeirDataset.open(DatasetFiles.writeSample(dir));
    List<BeirDocument> docs;
    try (Stream<BeirDocument> corpus = dataset.corpus()) {
      docs = corpus.toList();
    }
    assertEquals(List.of("d1", "d2", "d3"), docs.stream().map(BeirDocument::id).toList());
    BeirDocument first = docs.get(0);
    assertEquals("Title one", first.title());
    assertEquals("First text.", first.text());
    assertEquals(2020, first.metadata().get("year"));
    assertEquals(Arrays.asList("a", null), first.metadata().get("tags"));
    assertEquals("", docs.get(1).title());
    assertEquals(Map.of(), docs.get(1).metadata());
    assertEquals("", docs.get(2).title(), "null title reads as empty");
    assertEquals(dir.getFileName().toString(), dataset.name());
  }

  @Test
  void fullTextJoinsTitleAndTextLikeBeir() {
    assertEquals("T body", new BeirDocument("d", "T", "body").fullText());
    assertEquals("body", new BeirDocument("d", "", "body").fullText());
    assertEquals("T", new BeirDocument("d", "T", "").fullText());
  }

  @Test
  void readsGzippedFiles() throws IOException {
    DatasetFiles.writeGz(dir.resolve("corpus.jsonl.gz"), DatasetFiles.CORPUS);
    DatasetFiles.writeGz(dir.resolve("queries.jsonl.gz"), DatasetFiles.QUERIES);
    DatasetFiles.write(dir.resolve("qrels/test.tsv"), DatasetFiles.QRELS_TEST);
    BeirDataset dataset = BeirDataset.open(dir);
    assertTrue(dataset.corpusLocation().endsWith("corpus.jsonl.gz"));
    try (Stream<BeirDocument> corpus = dataset.corpus()) {
      assertEquals(3, corpus.count());
    }
    assertEquals(4, dataset.queries().size());
  }

  @Test
  void toleratesBomBlankLinesAndCrlf() throws IOException {
    DatasetFiles.write(
        dir.resolve("corpus.jsonl"),
        "\uFEFF{\"_id\": \"d1\", \"text\": \"x\"}\r\n\r\n   \n{\"_id\": \"d2\", \"text\": \"y\"}");
    DatasetFiles.write(dir.resolve("queries.jsonl"), "\uFEFF{\"_id\": \"q1\", \"text\": \"q\"}\n\n");
    DatasetFiles.write(dir.resolve("qrels/test.tsv"), "\uFEFFquery-id\tcorpus-id\tscore\r\nq1\td1\t1\r\n");
    BeirDataset dataset = BeirDataset.open(dir);
    try (Stream<BeirDocument> corpus = dataset.corpus()) {
      assertEquals(List.of("d1", "d2"), corpus.map(BeirDocument::id).toList());
    }
    assertEquals(List.of(new BeirQuery("q1", "q")), dataset.queries("test"));
    assertEquals(1, dataset.qrels("test").grade("q1", "d1"));
  }

  @Test
  void corpusIsStreamedSoDocumentsBeforeABadLineArrive() throws IOException {
    DatasetFiles.write(
        dir.resolve("corpus.jsonl"),
        "{\"_id\": \"d1\", \"text\": \"x\"}\n{\"_id\": \"d2\", \"text\": \"y\"}\n{broken\n");
    DatasetFiles.write(dir.resolve("queries.jsonl"), "");
    try (CloseableIterator<BeirDocument> corpus = BeirDataset.open(dir).openCorpus()) {
      assertEquals("d1", corpus.next().id());
      assertEquals("d2", corpus.next().id());
      BeirFormatException e = assertThrows(BeirFormatException.class, corpus::hasNext);
      assertEquals(3, e.line());
    }
  }

  @Test
  void queriesOfASplitAreTheJudgedOnesInQueriesFileOrder() throws IOException {
    BeirDataset dataset = BeirDataset.open(DatasetFiles.writeSample(dir));
    // q4 has only a grade-0 judgment: still judged, as for BEIR and trec_eval -c; q3 has none.
    assertEquals(
        List.of("q1", "q2", "q4"), dataset.queries("test").stream().map(BeirQuery::id).toList());
    assertEquals(4, dataset.queries().size());
  }

  @Test
  void qrelsKeepGradesAndFileOrder() throws IOException {
    Qrels qrels = BeirDataset.open(DatasetFiles.writeSample(dir)).qrels("test");
    assertEquals(List.of("q4", "q1", "q2"), List.copyOf(qrels.judgedQueries()));
    assertEquals(2, qrels.grade("q1", "d1"));
    assertEquals(1, qrels.grade("q1", "d2"));
    assertEquals(0, qrels.grade("q1", "d3"));
    assertEquals(2, qrels.relevantCount("q1"));
    assertEquals(0, qrels.relevantCount("q4"));
    assertEquals(4, qrels.judgmentCount());
  }

  @Test
  void qrelsWithoutHeaderLoseNoJudgment() throws IOException {
    DatasetFiles.writeSample(dir);
    DatasetFiles.write(dir.resolve("qrels/dev.tsv"), "q1\td1\t1\nq2\td3\t3\n");
    Qrels qrels = BeirDataset.open(dir).qrels("dev");
    assertEquals(2, qrels.judgmentCount());
    assertEquals(3, qrels.grade("q2", "d3"));
  }

  @Test
  void hasSplit() throws IOException {
    BeirDataset dataset = BeirDataset.open(DatasetFiles.writeSample(dir));
    assertTrue(dataset.hasSplit("test"));
    assertFalse(dataset.hasSplit("dev"));
  }

  @Test
  void missingFolderNamesThePath() {
    Path missing = dir.resolve("nope");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> BeirDataset.open(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void missingCorpusNamesThePath() throws IOException {
    DatasetFiles.write(dir.resolve("queries.jsonl"), DatasetFiles.QUERIES);
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> BeirDataset.open(dir));
    assertTrue(e.getMessage().contains(dir.resolve("corpus.jsonl").toString()), e.getMessage());
  }

  @Test
  void missingQueriesNamesThePath() throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl"), DatasetFiles.CORPUS);
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> BeirDataset.open(dir));
    assertTrue(e.getMessage().contains(dir.resolve("queries.jsonl").toString()), e.getMessage());
  }

  @Test
  void missingSplitNamesTheFile() throws IOException {
    BeirDataset dataset = BeirDataset.open(DatasetFiles.writeSample(dir));
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> dataset.qrels("dev"));
    assertTrue(e.getMessage().contains(dir.resolve("qrels/dev.tsv").toString()), e.getMessage());
  }

  @Test
  void plainAndGzippedCopiesOfOneFileAreRefused() throws IOException {
    DatasetFiles.writeSample(dir);
    DatasetFiles.writeGz(dir.resolve("corpus.jsonl.gz"), DatasetFiles.CORPUS);
    IOException e = assertThrows(IOException.class, () -> BeirDataset.open(dir));
    assertTrue(e.getMessage().contains("corpus.jsonl.gz"), e.getMessage());
  }

  @Test
  void notGzipDataInAGzFileNamesTheFile() throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl.gz"), DatasetFiles.CORPUS);
    DatasetFiles.write(dir.resolve("queries.jsonl"), DatasetFiles.QUERIES);
    BeirDataset dataset = BeirDataset.open(dir);
    IOException e = assertThrows(IOException.class, dataset::openCorpus);
    assertTrue(e.getMessage().contains("corpus.jsonl.gz"), e.getMessage());
  }

  @Test
  void judgedQueryMissingFromQueriesFileIsAnError() throws IOException {
    DatasetFiles.writeSample(dir);
    DatasetFiles.write(dir.resolve("qrels/test.tsv"), DatasetFiles.QRELS_TEST + "q9\td1\t1\n");
    BeirDataset dataset = BeirDataset.open(dir);
    BeirFormatException e = assertThrows(BeirFormatException.class, () -> dataset.queries("test"));
    assertTrue(e.getMessage().contains("\"q9\""), e.getMessage());
    assertTrue(e.getMessage().contains("test.tsv"), e.getMessage());
  }

  @Test
  void splitMustBeAPlainName() throws IOException {
    BeirDataset dataset = BeirDataset.open(DatasetFiles.writeSample(dir));
    assertThrows(IllegalArgumentException.class, () -> dataset.qrels("../secret"));
    assertThrows(IllegalArgumentException.class, () -> dataset.qrels(""));
  }

  @Test
  void emptyCorpusIsEmptyNotAnError() throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl"), "\n\n");
    DatasetFiles.write(dir.resolve("queries.jsonl"), "");
    try (Stream<BeirDocument> corpus = BeirDataset.open(dir).corpus()) {
      assertEquals(0, corpus.count());
    }
    assertTrue(Files.exists(dir.resolve("corpus.jsonl")));
  }
}
