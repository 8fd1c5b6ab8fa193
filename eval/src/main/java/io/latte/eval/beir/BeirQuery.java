package io.latte.eval.beir;

import java.util.Objects;

/**
 * One query.
 *
 * @param id the {@code _id}, matched against {@code query-id} in the qrels; never empty
 * @param text the query text
 */
public record BeirQuery(String id, String text) {

  public BeirQuery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("query id must not be empty");
    }
  }
}
