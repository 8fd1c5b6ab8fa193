package io.latte.server.http.error;

/**
 * A request the API refuses, with its stable {@link ErrorCode} and a message for the client (which
 * names the field, the limit and the value). Thrown by services; mapped once by {@link ErrorBodies}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public ApiException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ApiException(ErrorCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
