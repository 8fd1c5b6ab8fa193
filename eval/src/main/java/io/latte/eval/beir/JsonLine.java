package io.latte.eval.beir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One JSON object from a JSONL file together with where it came from, so that every field check can
 * produce an error naming the file and line. Unknown fields are ignored (BEIR sets add their own).
 */
record JsonLine(ObjectNode node, String location, long lineNumber) {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** A string field that must be present. */
  String requiredString(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw error("missing \"" + field + "\"");
    }
    return asString(field, value);
  }

  /** A string field that may be absent or null, read as "". */
  String optionalString(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : asString(field, value);
  }

  /** An object field that may be absent or null, read as an empty map. */
  Map<String, Object> optionalObject(String field, ObjectMapper mapper) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw error("\"" + field + "\" must be a JSON object, found " + describe(value));
    }
    return mapper.convertValue(value, MAP);
  }

  BeirFormatException error(String reason) {
    return new BeirFormatException(location, lineNumber, reason);
  }

  private String asString(String field, JsonNode value) {
    // No coercion: {"_id": 12} would silently change type and break id matching against qrels.
    if (!value.isTextual()) {
      throw error("\"" + field + "\" must be a string, found " + describe(value));
    }
    return value.textValue();
  }

  private static String describe(JsonNode value) {
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(value);
  }

  private static String abbreviate(JsonNode value) {
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
