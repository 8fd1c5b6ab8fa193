package io.latte.indexer.input;

/**
 * Precomputed token vectors that cannot be indexed, naming the offending element the way a user
 * finds it in their JSON ({@code vectors[2]}, {@code vectors[2][17]}, {@code offsets[4]}).
 * Callers prefix the field with where the document is: a corpus line becomes a {@link BadDocument}
 * with file and line, an HTTP upsert a 400 naming {@code documents[3].vectors[2]}.
 */
public final class InvalidVectorsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  /**
   * @param field the element, e.g. {@code vectors[2][17]}
   * @param problem what is wrong with it, e.g. {@code is NaN}
   */
  public InvalidVectorsException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
