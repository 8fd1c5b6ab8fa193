package io.latte.indexer.input;

/**
 * Thrown under {@link BadDocumentPolicy#STOP} for the first {@link BadDocument}; the message names
 * file, line, id and reason.
 */
public final class BadDocumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final transient BadDocument bad;

  public BadDocumentException(BadDocument bad) {
    super(bad.message() + " (stopping: the bad-document policy is STOP)");
    this.bad = bad;
  }

  public BadDocument bad() {
    return bad;
  }
}
