package io.latte.server.http.filters;

import io.latte.server.http.error.ApiException;
import io.latte.server.http.error.ErrorBodies;
import io.latte.server.http.error.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.web.router.RouteAttributes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Request bodies of the API must be declared {@code application/json} (UTF-8, the JSON default): a
 * POST under {@code /v1} without a Content-Type, or with another type or charset, is a 415 {@code
 * unsupported_media_type}. Micronaut refuses other declared types itself; this adds the missing
 * header and foreign charsets, which it would otherwise accept and guess at.
 */
@ServerFilter("/v1/**")
@Order(JsonContentTypeFilter.ORDER)
final class JsonContentTypeFilter {
  static final int ORDER = ApiKeyFilter.ORDER + 1;

  private final ErrorBodies errors;

  JsonContentTypeFilter(ErrorBodies errors) {
    this.errors = errors;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.POST && request.getMethod() != HttpMethod.PUT
        && request.getMethod() != HttpMethod.PATCH) {
      return null;
    }
    if (RouteAttributes.getRouteMatch(request).isEmpty()) {
      return null; // 404 / 405 are decided by the router
    }
    Optional<MediaType> type = request.getContentType();
    String problem = null;
    if (type.isEmpty()) {
      problem = "Content-Type is missing: send 'Content-Type: application/json'";
    } else if (!type.get().matches(MediaType.APPLICATION_JSON_TYPE)) {
      problem = "Content-Type must be application/json, got " + type.get();
    } else {
      Optional<String> charset = type.get().getParameters().get("charset");
      if (charset.isPresent() && !charset.get().equalsIgnoreCase(StandardCharsets.UTF_8.name())
          && !charset.get().equalsIgnoreCase("utf8")) {
        problem = "JSON must be UTF-8, got charset " + charset.get();
      }
    }
    if (problem == null) {
      return null;
    }
    ApiException e = new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, problem);
    return errors.processResponse(ErrorContext.builder(request).cause(e).build(),
        HttpResponse.status(ErrorCode.UNSUPPORTED_MEDIA_TYPE.status()));
  }
}
