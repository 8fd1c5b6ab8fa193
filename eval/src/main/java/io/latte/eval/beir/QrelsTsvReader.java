package io.latte.eval.beir;

import java.io.IOException;

/**
 * Reads a BEIR {@code qrels/<split>.tsv}: {@code query-id<TAB>corpus-id<TAB>score} with an integer
 * score. BEIR's own loader skips the first line unconditionally; we skip it only when its score column
 * is not a number (i.e. it is a header), so a header-less file loses no judgment.
 */
final class QrelsTsvReader {
  private QrelsTsvReader() {}

  static Qrels read(DatasetSource source, String relativePath) throws IOException {
    Qrels.Builder builder = Qrels.builder();
    try (NumberedLineReader lines = NumberedLineReader.open(source, relativePath)) {
      boolean first = true;
      for (String line = lines.nextNonBlank(); line != null; line = lines.nextNonBlank()) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 3) {
          throw lines.error(
              "expected 3 tab-separated fields query-id, corpus-id, score; found "
                  + fields.length);
        }
        String scoreField = fields[2].strip();
        boolean header = first && !isNumber(scoreField);
        first = false;
        if (header) {
          continue;
        }
        String queryId = fields[0].strip();
        String docId = fields[1].strip();
        if (queryId.isEmpty() || docId.isEmpty()) {
          throw lines.error("empty query-id or corpus-id");
        }
        if (!isInteger(scoreField)) {
          throw lines.error("score \"" + scoreField + "\" is not an integer");
        }
        try {
          builder.add(queryId, docId, Integer.parseInt(scoreField));
        } catch (IllegalArgumentException e) {
          throw lines.error(e.getMessage());
        }
      }
    }
    return builder.build();
  }

  private static boolean isNumber(String field) {
    try {
      Double.parseDouble(field);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isInteger(String field) {
    try {
      Integer.parseInt(field);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
