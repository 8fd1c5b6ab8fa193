package io.latte.server.http.error;

import io.micronaut.http.HttpStatus;
import java.util.Locale;

/**
 * Every error the API returns, with its HTTP status. The {@link #id()} strings are the stable part of
 * the contract (clients switch on them); messages may change. Listed in the OpenAPI document.
 */
public enum ErrorCode {
  /** The body is not valid JSON, is not UTF-8, or a field has the wrong JSON type. */
  INVALID_JSON(HttpStatus.BAD_REQUEST),
  /** Query text missing, empty or only whitespace. */
  QUERY_EMPTY(HttpStatus.BAD_REQUEST),
  /** Query text longer than the configured limit. */
  QUERY_TOO_LONG(HttpStatus.BAD_REQUEST),
  /** {@code k} outside 1..1000. */
  INVALID_K(HttpStatus.BAD_REQUEST),
  /** {@code mode} is not one of the search modes. */
  INVALID_MODE(HttpStatus.BAD_REQUEST),
  /** {@code filter} does not parse, or names an unknown metadata key. */
  INVALID_FILTER(HttpStatus.BAD_REQUEST),
  /** A search parameter in {@code params} is out of range or unknown. */
  INVALID_PARAMS(HttpStatus.BAD_REQUEST),
  /** A document of an upsert cannot be indexed (message names its position and {@code _id}). */
  INVALID_DOCUMENT(HttpStatus.BAD_REQUEST),
  /** An upsert holds no documents. */
  BATCH_EMPTY(HttpStatus.BAD_REQUEST),
  /** An upsert holds more documents than the configured limit. */
  BATCH_TOO_LARGE(HttpStatus.BAD_REQUEST),
  /** Any other invalid argument (the message names it). */
  INVALID_REQUEST(HttpStatus.BAD_REQUEST),
  /** A write without the configured API key, or with a wrong one. */
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
  /** No document has this {@code _id}. */
  DOCUMENT_NOT_FOUND(HttpStatus.NOT_FOUND),
  /** No such endpoint. */
  NOT_FOUND(HttpStatus.NOT_FOUND),
  /** The endpoint exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
  /** The endpoint cannot produce what the Accept header asks for. */
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
  /** The body is larger than the configured maximum request size. */
  PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE),
  /** The Content-Type is not {@code application/json}. */
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  /** The server is starting or shutting down. */
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
  /** A bug or an I/O failure; details are in the server log, never in the response. */
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

  private final HttpStatus status;

  ErrorCode(HttpStatus status) {
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The wire form, e.g. {@code query_too_long}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
