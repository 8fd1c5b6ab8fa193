package io.latte.indexer.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one corpus line into a {@link SourceDocument} or a {@link BadDocument}. Same rules as
 * {@code io.latte.eval.beir} (strict JSON, {@code _id} and {@code text} must be strings, no
 * coercion of numbers to ids), so a corpus the evaluator accepts is indexed identically.
 */
final class CorpusLines {

  /** Duplicate keys or text after the object usually mean two records glued by a broken export. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private CorpusLines() {}

  static SourceRecord parse(String line, String location, long lineNumber) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return new BadDocument(location, lineNumber, null, "malformed JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) {
      return new BadDocument(
          location, lineNumber, null, "expected a JSON object, found " + kind(node));
    }
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
    if (text == null || text.isNull()) {
      return new BadDocument(location, lineNumber, docId, "missing \"text\"");
    }
    JsonNode title = node.get("title");
    JsonNode metadata = node.get("metadata");
    if (!text.isTextual()) {
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
    return new SourceDocument(docId, titleText, text.textValue(), meta, location, lineNumber);
  }

  private static String kind(JsonNode value) {
    String text = value.toString();
    return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
        + (text.length() <= 40 ? text : text.substring(0, 37) + "...");
  }
}
