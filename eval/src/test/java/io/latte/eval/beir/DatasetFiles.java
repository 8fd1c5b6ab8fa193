package io.latte.eval.beir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small BEIR-layout files for tests. */
final class DatasetFiles {
  static final String CORPUS =
      """
      {"_id": "d1", "title": "Title one", "text": "First text.", "metadata": {"year": 2020, "tags": ["a", null]}}
      {"_id": "d2", "text": "No title here."}
      {"_id": "d3", "title": null, "text": "Null title.", "extra": 7}
      """;
  static final String QUERIES =
      """
      {"_id": "q1", "text": "first query"}
      {"_id": "q2", "text": "second query", "metadata": {}}
      {"_id": "q3", "text": "unjudged query"}
      {"_id": "q4", "text": "judged non-relevant only"}
      """;
  static final String QRELS_TEST =
      "query-id\tcorpus-id\tscore\n" + "q4\td1\t0\n" + "q1\td1\t2\n" + "q1\td2\t1\n" + "q2\td3\t1\n";

  private DatasetFiles() {}

  /** A complete small dataset in {@code dir} with a {@code test} split. */
  static Path writeSample(Path dir) throws IOException {
    write(dir.resolve("corpus.jsonl"), CORPUS);
    write(dir.resolve("queries.jsonl"), QUERIES);
    write(dir.resolve("qrels/test.tsv"), QRELS_TEST);
    return dir;
  }

  static void write(Path file, String content) throws IOException {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, content);
  }

  static void writeGz(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
