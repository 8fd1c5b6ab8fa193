package io.latte.eval.beir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One corpus document.
 *
 * @param id the {@code _id}, matched against {@code corpus-id} in the qrels; never empty
 * @param title the title, {@code ""} when the line has none (many BEIR sets have no titles)
 * @param text the body text
 * @param metadata the optional {@code metadata} object, as JSON-like maps, lists, strings, numbers
 */
public record BeirDocument(String id, String title, String text, Map<String, Object> metadata) {

  public BeirDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(metadata, "metadata");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("document id must not be empty");
    }
    // Map.copyOf would reject the JSON nulls that metadata may legitimately hold.
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A document without metadata. */
  public BeirDocument(String id, String title, String text) {
    this(id, title, text, Map.of());
  }

  /**
   * The text a model should encode: title and text joined by one space and stripped, exactly as BEIR's
   * dense-retrieval models build it ({@code (title + " " + text).strip()}), so just the text when there
   * is no title. Using the same string keeps our scores comparable with published BEIR numbers.
   */
  public String fullText() {
    return (title + " " + text).strip();
  }
}
