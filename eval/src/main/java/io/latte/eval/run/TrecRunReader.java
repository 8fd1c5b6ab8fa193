package io.latte.eval.run;

import io.latte.eval.metrics.ScoredDoc;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a TREC run file ({@code qid Q0 docid rank score tag}) into query id → results, queries in
 * first-seen order and results in file order. Like {@code trec_eval}, it ignores the {@code Q0} and
 * rank columns (order comes from the scores) and the tag, but it requires all six columns.
 */
public final class TrecRunReader {
  /** The whitespace C's {@code isspace} knows, which is how {@code trec_eval} splits columns. */
  private static final Pattern COLUMNS = Pattern.compile("[ \\t\\x0B\\f\\r]+");

  private TrecRunReader() {}

  /**
   * Reads the run in {@code file}.
   *
   * @throws TrecFormatException naming file and line on a line without six columns, a score that is
   *     not a finite number, or a document listed twice for one query ({@code trec_eval} rejects it)
   */
  public static Map<String, List<ScoredDoc>> read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /** Reads a run from {@code in}, naming it {@code location} in errors. Does not close {@code in}. */
  public static Map<String, List<ScoredDoc>> read(BufferedReader in, String location)
      throws IOException {
    Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
    Map<String, Set<String>> seen = new HashMap<>();
    long lineNumber = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      String trimmed = COLUMNS.matcher(line).replaceAll(" ").strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] fields = trimmed.split(" ");
      if (fields.length != 6) {
        throw new TrecFormatException(
            location,
            lineNumber,
            "expected 6 columns (qid Q0 docid rank score tag), found " + fields.length);
      }
      String queryId = fields[0];
      String docId = fields[2];
      double score = parseScore(fields[4], location, lineNumber);
      if (!seen.computeIfAbsent(queryId, q -> new HashSet<>()).add(docId)) {
        throw new TrecFormatException(
            location,
            lineNumber,
            "doc \"" + docId + "\" listed twice for query \"" + queryId + "\"");
      }
      run.computeIfAbsent(queryId, q -> new ArrayList<>()).add(new ScoredDoc(docId, score));
    }
    run.replaceAll((q, docs) -> Collections.unmodifiableList(docs));
    return Collections.unmodifiableMap(run);
  }

  private static double parseScore(String field, String location, long lineNumber) {
    double score;
    try {
      score = Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw new TrecFormatException(location, lineNumber, "score \"" + field + "\" is not a number");
    }
    if (!Double.isFinite(score)) {
      throw new TrecFormatException(location, lineNumber, "score \"" + field + "\" is not finite");
    }
    return score;
  }
}
