package io.latte.eval.encode;

/** A document to encode: its id and the exact text the encoder sees (BEIR: title + " " + text). */
public record IdText(String id, String text) {
  public IdText {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("document id must not be empty");
    }
    if (text == null) {
      throw new IllegalArgumentException("text of document " + id + " must not be null");
    }
  }
}
