package io.latte.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latte.indexer.input.InvalidVectorsException;
import io.latte.searcher.QueryVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code latte search --query-vectors}: inline JSON or a file holding it, either an array of arrays
 * of numbers or {@code {"vectors": [[...]], "tokens": [...]}} (the fields of a corpus line).
 */
final class QueryVectorsArgument {

  private static final ObjectMapper JSON = new ObjectMapper();

  private QueryVectorsArgument() {}

  static QueryVectors parse(String value) throws IOException {
    String trimmed = value.strip();
    boolean inline = trimmed.startsWith("[") || trimmed.startsWith("{");
    String where = inline ? "--query-vectors" : "--query-vectors " + value;
    JsonNode node;
    try {
      node = JSON.readTree(inline ? trimmed : Files.readString(Path.of(value)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": malformed JSON: " + e.getOriginalMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(where + ": no such file (give a JSON array or a file holding one)");
    }
    JsonNode rows = node.isObject() ? node.get("vectors") : node;
    JsonNode tokens = node.isObject() ? node.get("tokens") : null;
    try {
      return QueryVectors.checked(rows(rows), tokens == null || tokens.isNull() ? null : strings(tokens));
    } catch (InvalidVectorsException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage());
    }
  }

  private static float[][] rows(JsonNode rows) {
    if (rows == null || !rows.isArray()) {
      throw new InvalidVectorsException("vectors", "must be an array of arrays of numbers");
    }
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = rows.get(i);
      if (!row.isArray()) {
        throw new InvalidVectorsException("vectors[" + i + "]", "must be an array of numbers, found " + row);
      }
      out[i] = new float[row.size()];
      for (int j = 0; j < out[i].length; j++) {
        if (!row.get(j).isNumber()) {
          throw new InvalidVectorsException("vectors[" + i + "][" + j + "]", "must be a number, found " + row.get(j));
        }
        out[i][j] = row.get(j).floatValue();
      }
    }
    return out;
  }

  private static String[] strings(JsonNode tokens) {
    String[] out = new String[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      if (!tokens.get(i).isTextual()) {
        throw new InvalidVectorsException("tokens[" + i + "]", "must be a string, found " + tokens.get(i));
      }
      out[i] = tokens.get(i).textValue();
    }
    return out;
  }
}
