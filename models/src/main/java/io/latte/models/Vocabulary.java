package io.latte.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Token string to id, read from a HuggingFace {@code tokenizer.json}.
 *
 * <p>Needed because the DJL tokenizer has no token-to-id lookup, and encoding a marker such as
 * {@code "[unused0]"} as text would split it into pieces. Covers the model vocabulary (WordPiece,
 * BPE and WordLevel store {@code {"token": id}}; Unigram stores {@code [["piece", score], ...]} with the
 * id as position) and {@code added_tokens}, which override it.
 */
final class Vocabulary {

  private final Map<String, Integer> ids;

  private Vocabulary(Map<String, Integer> ids) {
    this.ids = ids;
  }

  /**
   * Parses the vocabulary out of {@code tokenizer.json} bytes.
   *
   * @param source where the bytes came from, for error messages
   */
  static Vocabulary parse(byte[] tokenizerJson, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(tokenizerJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid tokenizer " + source + ": " + e.getMessage(), e);
    }
    JsonNode vocab = root == null ? null : root.path("model").get("vocab");
    if (vocab == null || !(vocab.isObject() || vocab.isArray())) {
      throw new IllegalArgumentException(
          "Invalid tokenizer " + source + ": no model.vocab object or array");
    }
    Map<String, Integer> ids = new HashMap<>(vocab.size() * 2);
    if (vocab.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        ids.put(e.getKey(), e.getValue().asInt());
      }
    } else {
      for (int i = 0; i < vocab.size(); i++) {
        ids.put(vocab.get(i).path(0).asText(), i);
      }
    }
    for (JsonNode added : root.path("added_tokens")) {
      if (added.hasNonNull("content") && added.hasNonNull("id")) {
        ids.put(added.get("content").asText(), added.get("id").asInt());
      }
    }
    return new Vocabulary(Map.copyOf(ids));
  }

  /** The id of {@code token}, if the vocabulary has it. */
  OptionalInt id(String token) {
    Integer id = ids.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /**
   * The id of {@code token}, or an error naming the spec field that asked for it.
   *
   * @param field spec field, e.g. {@code "queryMarker"}
   */
  int require(String token, String field) {
    return id(token).orElseThrow(() -> new IllegalArgumentException(
        field + " \"" + token + "\" is not in the tokenizer's vocabulary ("
            + ids.size() + " tokens)"));
  }

  int size() {
    return ids.size();
  }
}
