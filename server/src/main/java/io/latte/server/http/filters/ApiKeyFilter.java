package io.latte.server.http.filters;

import io.latte.server.http.LatteSettings;
import io.latte.server.http.error.ApiException;
import io.latte.server.http.error.ErrorBodies;
import io.latte.server.http.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Write endpoints ({@code /v1/documents} with any method but GET and HEAD) need the configured API
 * key, as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; a missing or wrong key is
 * a 401 {@code unauthorized}. Reads are open. Without a configured key nothing is checked (the
 * server binds to localhost by default).
 */
@ServerFilter({"/v1/documents", "/v1/documents/**"})
@Order(ApiKeyFilter.ORDER)
final class ApiKeyFilter {
  /** Runs before {@link JsonContentTypeFilter}: an unauthenticated write learns that first. */
  static final int ORDER = 0;

  static final String HEADER = "X-API-Key";

  private final byte[] key;
  private final ErrorBodies errors;

  ApiKeyFilter(LatteSettings settings, ErrorBodies errors) {
    this.key = settings.writesNeedKey() ? settings.apiKey().getBytes(StandardCharsets.UTF_8) : null;
    this.errors = errors;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    if (key == null || request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
        || request.getMethod() == HttpMethod.OPTIONS) {
      return null;
    }
    String given = presented(request);
    if (given != null && MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    ApiException e = new ApiException(ErrorCode.UNAUTHORIZED, given == null
        ? "this server needs an API key for writes: send 'Authorization: Bearer <key>' or '" + HEADER + ": <key>'"
        : "wrong API key");
    return errors.processResponse(ErrorContext.builder(request).cause(e).build(), HttpResponse.unauthorized())
        .header("WWW-Authenticate", "Bearer realm=\"latte\"");
  }

  private static String presented(HttpRequest<?> request) {
    String auth = request.getHeaders().get("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).strip();
    }
    return request.getHeaders().get(HEADER);
  }
}
