package io.latte.server.http.index;

/**
 * A document as stored in the index.
 *
 * @param id the {@code _id}
 * @param title the title ("" when none)
 * @param text the text
 * @param metadataJson the metadata object as JSON, or null when the document had none
 */
public record StoredDocument(String id, String title, String text, String metadataJson) {

  /** The string the model encoded and explanation offsets refer to: {@code (title + " " + text).strip()}. */
  public String fullText() {
    return (title + " " + text).strip();
  }
}
