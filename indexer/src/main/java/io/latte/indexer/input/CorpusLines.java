package io.latte.indexer.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one corpus line into a {@link SourceDocument} or a {@link BadDocument}. Same rules as
 * {@code io.latte.eval.beir} (strict JSON, {@code _id} and {@code text} must be strings, no
 * coercion of numbers to ids), so a corpus the evaluator accepts is indexed identically.
 *
 * <p><b>Precomputed vectors.</b> A line may carry its token vectors: {@code "vectors": [[...], ...]}
 * (one array of numbers per token, all of one length), optionally {@code "tokens": ["...", ...]}
 * (one string per vector, shown in explanations) and {@code "offsets": [[start, end], ...]} (char
 * offsets of each token in {@code title + " " + text}, {@code [-1, -1]} for tokens not from the
 * text; needs {@code tokens}). Such a line needs no {@code text}. The line is read with Jackson's
 * streaming parser and {@code vectors} straight into one float array: a 100-token, 384-d line holds
 * 38 400 numbers, which a JSON tree would box one object each.
 */
final class CorpusLines {

  /**
   * Duplicate keys or text after the object usually mean two records glued by a broken export:
   * both are refused, the second by {@link #parse} itself (the mapper reads one field value at a
   * time, which its own trailing-token check would refuse).
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private static final String VECTORS = "vectors";

  private CorpusLines() {}

  static SourceRecord parse(String line, String location, long lineNumber) {
    ObjectNode node;
    FlatRows rows = null;
    try (JsonParser p = MAPPER.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return notAnObject(line, location, lineNumber);
      }
      node = MAPPER.createObjectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(VECTORS)) {
          try {
            rows = FlatRows.read(p);
          } catch (InvalidVectorsException e) {
            JsonNode id = node.get("_id");
            return new BadDocument(location, lineNumber, id != null && id.isTextual() ? id.textValue() : null,
                e.getMessage());
          }
        } else {
          node.set(name, p.readValueAsTree());
        }
      }
      if (p.nextToken() != null) {
        return new BadDocument(location, lineNumber, null, "malformed JSON: text after the object");
      }
    } catch (JsonProcessingException e) {
      return new BadDocument(location, lineNumber, null, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new AssertionError("reading a string cannot fail", e);
    }
    return document(node, rows, location, lineNumber);
  }

  /** The message the tree parser gives for a line that is JSON but not an object. */
  private static BadDocument notAnObject(String line, String location, long lineNumber) {
    try {
      return new BadDocument(
          location, lineNumber, null, "expected a JSON object, found " + kind(MAPPER.readTree(line)));
    } catch (JsonProcessingException e) {
      return new BadDocument(location, lineNumber, null, "malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static SourceRecord document(ObjectNode node, FlatRows rows, String location, long lineNumber) {
    JsonNode id = node.get("_id");
    if (id == null || id.isNull()) {
      return new BadDocument(location, lineNumber, null, "missing \"_id\"");
    }
    if (!id.isTextual()) {
      return new BadDocument(location, lineNumber, null, "\"_id\" must be a string, found " + kind(id));
    }
    String docId = id.textValue();
    if (docId.isEmpty()) {
      return new BadDocument(location, lineNumber, null, "\"_id\" is empty");
    }
    JsonNode text = node.get("text");
    if (rows == null && (text == null || text.isNull())) {
      return new BadDocument(location, lineNumber, docId, "missing \"text\"");
    }
    JsonNode title = node.get("title");
    JsonNode metadata = node.get("metadata");
    if (text != null && !text.isNull() && !text.isTextual()) {
      return new BadDocument(location, lineNumber, docId, "\"text\" must be a string, found " + kind(text));
    }
    if (title != null && !title.isNull() && !title.isTextual()) {
      return new BadDocument(location, lineNumber, docId, "\"title\" must be a string, found " + kind(title));
    }
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      return new BadDocument(
          location, lineNumber, docId, "\"metadata\" must be a JSON object, found " + kind(metadata));
    }
    Map<String, Object> meta =
        metadata == null || metadata.isNull() ? Map.of() : MAPPER.convertValue(metadata, MAP);
    String titleText = title == null || title.isNull() ? "" : title.textValue();
    String bodyText = text == null || text.isNull() ? "" : text.textValue();
    TokenVectors vectors = null;
    if (rows != null) {
      try {
        vectors = rows.toVectors(node.get("tokens"), node.get("offsets"), (titleText + " " + bodyText).strip().length());
      } catch (InvalidVectorsException e) {
        return new BadDocument(location, lineNumber, docId, e.getMessage());
      }
    } else if (node.has("tokens") || node.has("offsets")) {
      return new BadDocument(location, lineNumber, docId, "\"tokens\" and \"offsets\" need \"vectors\"");
    }
    return new SourceDocument(docId, titleText, bodyText, meta, location, lineNumber, vectors);
  }

  static String kind(JsonNode value) {
    String text = value.toString();
    return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
        + (text.length() <= 40 ? text : text.substring(0, 37) + "...");
  }

  /** {@code "vectors"} read into one growing float array, row by row. */
  private static final class FlatRows {
    private float[] values = new float[4096];
    private int size;
    private int rows;
    private int dim = -1;

    /** Reads the array at the parser's current token; leaves the parser on its closing bracket. */
    static FlatRows read(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw new InvalidVectorsException(VECTORS, "must be an array of arrays of numbers, found " + found(p));
      }
      FlatRows r = new FlatRows();
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        String row = VECTORS + "[" + r.rows + "]";
        if (t != JsonToken.START_ARRAY) {
          throw new InvalidVectorsException(row, "must be an array of numbers, found " + found(p));
        }
        int start = r.size;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw new InvalidVectorsException(row + "[" + (r.size - start) + "]", "must be a number, found " + found(p));
          }
          r.add(p.getFloatValue());
        }
        int n = r.size - start;
        if (r.dim < 0) {
          if (n == 0) {
            throw new InvalidVectorsException(row, "is empty");
          }
          r.dim = n;
        } else if (n != r.dim) {
          throw new InvalidVectorsException(row, TokenVectors.ragged(n, r.dim));
        }
        r.rows++;
      }
      return r;
    }

    private static String found(JsonParser p) throws IOException {
      JsonToken t = p.currentToken();
      return t == JsonToken.VALUE_STRING ? "string \"" + p.getText() + "\""
          : t == JsonToken.START_ARRAY ? "an array" : t == JsonToken.START_OBJECT ? "an object" : p.getText();
    }

    private void add(float v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = v;
    }

    TokenVectors toVectors(JsonNode tokens, JsonNode offsets, int textLength) {
      float[] exact = size == values.length ? values : java.util.Arrays.copyOf(values, size);
      return TokenVectors.of(exact, rows, Math.max(dim, 1), strings(tokens), pairs(offsets), textLength);
    }

    private static String[] strings(JsonNode tokens) {
      if (tokens == null || tokens.isNull()) {
        return null;
      }
      if (!tokens.isArray()) {
        throw new InvalidVectorsException("tokens", "must be an array of strings, found " + kind(tokens));
      }
      String[] out = new String[tokens.size()];
      for (int i = 0; i < out.length; i++) {
        if (!tokens.get(i).isTextual()) {
          throw new InvalidVectorsException("tokens[" + i + "]", "must be a string, found " + kind(tokens.get(i)));
        }
        out[i] = tokens.get(i).textValue();
      }
      return out;
    }

    private static int[][] pairs(JsonNode offsets) {
      if (offsets == null || offsets.isNull()) {
        return null;
      }
      if (!offsets.isArray()) {
        throw new InvalidVectorsException("offsets", "must be an array of [start, end] pairs, found " + kind(offsets));
      }
      int[][] out = new int[offsets.size()][];
      for (int i = 0; i < out.length; i++) {
        JsonNode o = offsets.get(i);
        if (!o.isArray() || o.size() != 2 || !o.get(0).isInt() || !o.get(1).isInt()) {
          throw new InvalidVectorsException("offsets[" + i + "]", "must be [start, end], found " + kind(o));
        }
        out[i] = new int[] {o.get(0).intValue(), o.get(1).intValue()};
      }
      return out;
    }
  }
}
