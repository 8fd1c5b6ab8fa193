package io.latte.server.http.index;

/** The index is closed (the server is shutting down); the request may be retried elsewhere or later. */
public final class IndexUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public IndexUnavailableException(String message) {
    super(message);
  }
}
