package io.latte.eval.run;

import io.latte.indexer.format.AtomicFiles;
import io.latte.eval.beir.Qrels;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Writes qrels in the TREC format {@code trec_eval} reads, {@code qid 0 docid grade}, one judgment per
 * line in {@link Qrels} order. BEIR ships qrels as TSV with a header, which {@code trec_eval} cannot
 * read.
 */
public final class TrecQrelsWriter {
  private TrecQrelsWriter() {}

  /**
   * Writes {@code qrels} to {@code file} atomically.
   *
   * @throws IllegalArgumentException if an id contains whitespace
   */
  public static void write(Path file, Qrels qrels) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(qrels, "qrels");
    java.io.StringWriter text = new java.io.StringWriter();
    write(text, qrels);
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Writes {@code qrels} to {@code out}, which is not closed. */
  public static void write(Writer out, Qrels qrels) throws IOException {
    for (Map.Entry<String, Map<String, Integer>> query : qrels.asMap().entrySet()) {
      String queryId = TrecFields.token(query.getKey(), "query id");
      for (Map.Entry<String, Integer> judgment : query.getValue().entrySet()) {
        out.write(queryId);
        out.write(" 0 ");
        out.write(TrecFields.token(judgment.getKey(), "doc id"));
        out.write(' ');
        out.write(Integer.toString(judgment.getValue()));
        out.write('\n');
      }
    }
  }
}
