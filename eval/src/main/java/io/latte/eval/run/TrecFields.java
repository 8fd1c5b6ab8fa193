package io.latte.eval.run;

/** Checks shared by the TREC writers. */
final class TrecFields {
  private TrecFields() {}

  /**
   * Returns {@code value} if it can be one whitespace-separated column.
   *
   * @throws IllegalArgumentException naming {@code what} if it is empty or contains whitespace
   */
  static String token(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i))) {
        throw new IllegalArgumentException(
            what
                + " \""
                + value
                + "\" contains whitespace; TREC files are whitespace-separated and cannot hold it");
      }
    }
    return value;
  }
}
