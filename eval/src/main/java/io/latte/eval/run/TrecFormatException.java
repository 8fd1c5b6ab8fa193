package io.latte.eval.run;

/**
 * A TREC run file line that cannot be read. The message names the file and the 1-based line. Unchecked,
 * like {@link io.latte.eval.beir.BeirFormatException}, since it describes bad data, not a bad call.
 */
public final class TrecFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final long line;

  public TrecFormatException(String location, long line, String reason) {
    super(location + " line " + line + ": " + reason);
    this.location = location;
    this.line = line;
  }

  /** The file the line is in. */
  public String location() {
    return location;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }
}
