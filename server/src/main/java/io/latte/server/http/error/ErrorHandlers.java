package io.latte.server.http.error;

import io.latte.server.http.index.IndexUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;

/**
 * Exception types that Micronaut does not map itself, turned into statuses; the body is always
 * written by {@link ErrorBodies}.
 */
public final class ErrorHandlers {
  private ErrorHandlers() {}

  /** {@link ApiException}: the status of its code. */
  @Singleton
  public static final class Api implements ExceptionHandler<ApiException, HttpResponse<?>> {
    private final ErrorBodies bodies;

    Api(ErrorBodies bodies) {
      this.bodies = bodies;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface's signature
    public HttpResponse<?> handle(HttpRequest request, ApiException e) {
      return bodies.processResponse(ErrorContext.builder(request).cause(e).build(), HttpResponse.status(e.code().status()));
    }
  }

  /**
   * {@link IllegalArgumentException} from the engine (which names the parameter, limit and value):
   * a client error, {@link ErrorCode#INVALID_REQUEST}, unless a service already translated it.
   */
  @Singleton
  public static final class IllegalArgument implements ExceptionHandler<IllegalArgumentException, HttpResponse<?>> {
    private final ErrorBodies bodies;

    IllegalArgument(ErrorBodies bodies) {
      this.bodies = bodies;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface's signature
    public HttpResponse<?> handle(HttpRequest request, IllegalArgumentException e) {
      ApiException api = new ApiException(ErrorCode.INVALID_REQUEST, e.getMessage(), e);
      return bodies.processResponse(ErrorContext.builder(request).cause(api).build(), HttpResponse.badRequest());
    }
  }

  /** {@link IndexUnavailableException}: 503 while the server shuts down. */
  @Singleton
  public static final class Unavailable implements ExceptionHandler<IndexUnavailableException, HttpResponse<?>> {
    private final ErrorBodies bodies;

    Unavailable(ErrorBodies bodies) {
      this.bodies = bodies;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface's signature
    public HttpResponse<?> handle(HttpRequest request, IndexUnavailableException e) {
      ApiException api = new ApiException(ErrorCode.UNAVAILABLE, e.getMessage(), e);
      return bodies.processResponse(ErrorContext.builder(request).cause(api).build(),
          HttpResponse.status(ErrorCode.UNAVAILABLE.status()));
    }
  }
}
