package io.latte.eval.beir;

/**
 * A dataset file that does not follow the BEIR layout. The message always names the file and, when the
 * problem is on one line, its 1-based line number, so a user can open the file at the right place.
 *
 * <p>Unchecked so that it can travel out of the corpus {@link java.util.stream.Stream}.
 */
public final class BeirFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final long line;

  /** A problem on one line ({@code line} is 1-based). */
  public BeirFormatException(String location, long line, String reason) {
    this(location, line, reason, null);
  }

  /** A problem on one line, caused by a parser exception we keep as the cause. */
  public BeirFormatException(String location, long line, String reason, Throwable cause) {
    super(location + " line " + line + ": " + reason, cause);
    this.location = location;
    this.line = line;
  }

  /** A problem with a file as a whole (no single line to point at). */
  public BeirFormatException(String location, String reason) {
    super(location + ": " + reason);
    this.location = location;
    this.line = 0;
  }

  /** The file, as a path or {@code classpath:} location. */
  public String location() {
    return location;
  }

  /** The 1-based line number, or 0 when the problem is not on one line. */
  public long line() {
    return line;
  }
}
