package io.latte.indexer.input;

import java.util.Objects;

/**
 * A record that cannot be indexed, with the reason. Produced by a {@link DocumentSource} for lines
 * it cannot parse and by the builder for documents it rejects (empty text, duplicate id in a batch,
 * metadata of the wrong type, no tokens after encoding).
 *
 * @param location file (or source name)
 * @param line 1-based line
 * @param id the document id when known, else null
 * @param reason what is wrong, e.g. {@code missing "_id"}
 */
public record BadDocument(String location, long line, String id, String reason)
    implements SourceRecord {

  public BadDocument {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
  }

  /** A rejected document. */
  public static BadDocument of(SourceDocument doc, String reason) {
    return new BadDocument(doc.location(), doc.line(), doc.id(), reason);
  }

  /** {@code corpus.jsonl line 7 (_id "d3"): empty text}: what a user needs to find and fix it. */
  public String message() {
    return location + " line " + line + (id == null ? "" : " (_id \"" + id + "\")") + ": " + reason;
  }

  @Override
  public String toString() {
    return message();
  }
}
