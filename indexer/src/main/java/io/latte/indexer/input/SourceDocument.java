package io.latte.indexer.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One document to index, as read from the corpus.
 *
 * @param id the {@code _id}: the key for updates and deletes; not null (emptiness is checked by the
 *     builder, which reports it as a bad document)
 * @param title may be empty
 * @param text the body; may be empty here, the builder rejects documents whose title and text are
 *     both blank
 * @param metadata the {@code metadata} object (strings, numbers, booleans, lists, nested objects),
 *     indexed for filtering; JSON nulls are allowed and ignored
 * @param location file (or source name) for messages
 * @param line 1-based line number in {@code location}
 * @param vectors token vectors computed elsewhere, indexed instead of encoding the text; null when
 *     the indexer's model is to encode it
 */
public record SourceDocument(
    String id, String title, String text, Map<String, Object> metadata, String location, long line,
    TokenVectors vectors)
    implements SourceRecord {

  public SourceDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(location, "location");
    // Map.copyOf would reject the JSON nulls metadata may hold.
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A document to be encoded by the indexer's model. */
  public SourceDocument(
      String id, String title, String text, Map<String, Object> metadata, String location, long line) {
    this(id, title, text, metadata, location, line, null);
  }

  /** A document without metadata whose location is just a name (tests, programmatic sources). */
  public SourceDocument(String id, String title, String text, long line) {
    this(id, title, text, Map.of(), "input", line);
  }

  /**
   * The text a model encodes: {@code (title + " " + text).strip()}, exactly as BEIR dense models
   * (and {@code io.latte.eval.beir.BeirDocument#fullText}) build it, so scores stay comparable.
   */
  public String fullText() {
    return (title + " " + text).strip();
  }

  /** Whether the document brings its own token vectors ({@link #vectors()}). */
  public boolean hasVectors() {
    return vectors != null;
  }

  /** "file line N" for messages. */
  public String where() {
    return location + " line " + line;
  }
}
