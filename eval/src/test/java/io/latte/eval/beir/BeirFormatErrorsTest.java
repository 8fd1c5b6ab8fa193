package io.latte.eval.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed input is reported with the file, the 1-based line and the reason. */
class BeirFormatErrorsTest {
  private static final String OK = "{\"_id\": \"ok\", \"text\": \"fine\"}\n";

  @TempDir Path dir;

  static Stream<Arguments> badCorpusLines() {
    return Stream.of(
        Arguments.of(OK + "\n{\"_id\": \"b\", \"text\": }\n", 3, "malformed JSON"),
        Arguments.of(OK + "{\"text\": \"no id\"}\n", 2, "missing \"_id\""),
        Arguments.of(OK + "{\"_id\": 12, \"text\": \"x\"}\n", 2, "\"_id\" must be a string"),
        Arguments.of("{\"_id\": \"\", \"text\": \"x\"}\n", 1, "\"_id\" is empty"),
        Arguments.of(OK + OK + "{\"_id\": \"c\", \"title\": 3, \"text\": \"x\"}\n", 3,
            "\"title\" must be a string, found number 3"),
        Arguments.of(OK + "{\"_id\": \"c\", \"text\": [\"a\"]}\n", 2, "\"text\" must be a string"),
        Arguments.of(OK + "{\"_id\": \"c\", \"text\": null}\n", 2, "missing \"text\""),
        Arguments.of(OK + "{\"_id\": \"c\"}\n", 2, "missing \"text\""),
        Arguments.of(OK + "[1, 2]\n", 2, "expected a JSON object"),
        Arguments.of(OK + "\"just a string\"\n", 2, "expected a JSON object"),
        Arguments.of(OK + "{\"_id\": \"c\", \"text\": \"x\", \"metadata\": \"m\"}\n", 2,
            "\"metadata\" must be a JSON object"),
        Arguments.of(OK + "{\"_id\": \"a\", \"text\": \"x\"} {\"_id\": \"b\"}\n", 2,
            "malformed JSON"),
        Arguments.of(OK + "{\"_id\": \"a\", \"_id\": \"b\", \"text\": \"x\"}\n", 2,
            "malformed JSON"),
        Arguments.of("\uFEFF" + OK + "\n\n\n{\"_id\": \"a\"\n", 5, "malformed JSON"));
  }

  @ParameterizedTest
  @MethodSource("badCorpusLines")
  void badCorpusLineNamesFileLineAndReason(String corpus, int line, String reason)
      throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl"), corpus);
    DatasetFiles.write(dir.resolve("queries.jsonl"), "");
    BeirDataset dataset = BeirDataset.open(dir);
    BeirFormatException e =
        assertThrows(
            BeirFormatException.class,
            () -> {
              try (Stream<BeirDocument> docs = dataset.corpus()) {
                docs.forEach(doc -> {});
              }
            });
    assertLocated(e, dir.resolve("corpus.jsonl"), line, reason);
  }

  @Test
  void gzippedCorpusErrorsNameTheGzFile() throws IOException {
    DatasetFiles.writeGz(dir.resolve("corpus.jsonl.gz"), OK + OK + "{oops}\n");
    DatasetFiles.write(dir.resolve("queries.jsonl"), "");
    BeirDataset dataset = BeirDataset.open(dir);
    BeirFormatException e =
        assertThrows(
            BeirFormatException.class,
            () -> {
              try (Stream<BeirDocument> docs = dataset.corpus()) {
                docs.forEach(doc -> {});
              }
            });
    assertLocated(e, dir.resolve("corpus.jsonl.gz"), 3, "malformed JSON");
  }

  @Test
  void invalidUtf8NamesTheLineItIsOn() throws IOException {
    // Enough valid lines before it that a buffered decoder would report it on line 1.
    byte[] good = (OK + OK + OK).getBytes(StandardCharsets.UTF_8);
    byte[] bad = "{\"_id\": \"b\", \"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] bytes = new byte[good.length + bad.length];
    System.arraycopy(good, 0, bytes, 0, good.length);
    System.arraycopy(bad, 0, bytes, good.length, bad.length);
    DatasetFiles.write(dir.resolve("corpus.jsonl"), bytes);
    DatasetFiles.write(dir.resolve("queries.jsonl"), "");
    try (CloseableIterator<BeirDocument> docs = BeirDataset.open(dir).openCorpus()) {
      for (int i = 0; i < 3; i++) {
        docs.next();
      }
      BeirFormatException e = assertThrows(BeirFormatException.class, docs::next);
      assertLocated(e, dir.resolve("corpus.jsonl"), 4, "not valid UTF-8");
    }
  }

  @Test
  void legitimateReplacementCharacterIsAccepted() throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl"), "{\"_id\": \"a\", \"text\": \"\uFFFD\"}\n");
    DatasetFiles.write(dir.resolve("queries.jsonl"), "");
    try (Stream<BeirDocument> docs = BeirDataset.open(dir).corpus()) {
      assertEquals("\uFFFD", docs.findFirst().orElseThrow().text());
    }
  }

  @Test
  void badQueryLine() throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl"), OK);
    DatasetFiles.write(
        dir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"_id\": \"q2\"}\n");
    BeirDataset dataset = BeirDataset.open(dir);
    BeirFormatException e = assertThrows(BeirFormatException.class, dataset::queries);
    assertLocated(e, dir.resolve("queries.jsonl"), 2, "missing \"text\"");
  }

  @Test
  void repeatedQueryIdNamesTheFile() throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl"), OK);
    DatasetFiles.write(
        dir.resolve("queries.jsonl"),
        "{\"_id\": \"q1\", \"text\": \"a\"}\n{\"_id\": \"q1\", \"text\": \"b\"}\n");
    BeirDataset dataset = BeirDataset.open(dir);
    BeirFormatException e = assertThrows(BeirFormatException.class, dataset::queries);
    assertTrue(e.getMessage().contains(dir.resolve("queries.jsonl").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("\"q1\" appears twice"), e.getMessage());
  }

  static Stream<Arguments> badQrels() {
    String header = "query-id\tcorpus-id\tscore\n";
    return Stream.of(
        Arguments.of(header + "q1\td1\t1\nq1\td2\n", 3, "expected 3 tab-separated fields"),
        Arguments.of(header + "q1 d1 1\n", 2, "found 1"),
        Arguments.of(header + "q1\td1\t1\t9\n", 2, "found 4"),
        Arguments.of(header + "q1\td1\t1\n\nq1\td2\thigh\n", 4, "score \"high\" is not an integer"),
        Arguments.of(header + "q1\td1\t1.5\n", 2, "score \"1.5\" is not an integer"),
        Arguments.of(header + "q1\td1\t1\nq1\td1\t2\n", 3, "duplicate judgment"),
        Arguments.of(header + "\td1\t1\n", 2, "empty query-id or corpus-id"));
  }

  @ParameterizedTest
  @MethodSource("badQrels")
  void badQrelsLineNamesFileLineAndReason(String qrels, int line, String reason)
      throws IOException {
    DatasetFiles.write(dir.resolve("corpus.jsonl"), OK);
    DatasetFiles.write(dir.resolve("queries.jsonl"), "");
    DatasetFiles.write(dir.resolve("qrels/test.tsv"), qrels);
    BeirDataset dataset = BeirDataset.open(dir);
    BeirFormatException e = assertThrows(BeirFormatException.class, () -> dataset.qrels("test"));
    assertLocated(e, dir.resolve("qrels/test.tsv"), line, reason);
  }

  private static void assertLocated(BeirFormatException e, Path file, int line, String reason) {
    String message = e.getMessage();
    assertEquals(line, e.line(), message);
    assertEquals(file.toString(), e.location(), message);
    for (String part : List.of(file.toString(), "line " + line + ":", reason)) {
      assertTrue(message.contains(part), () -> "\"" + part + "\" not in: " + message);
    }
  }
}
