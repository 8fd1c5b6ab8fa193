package io.latte.server.http.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Counts and times every exchange by route template (so {@code /v1/documents/{id}} is one series
 * whatever the id); requests that matched no route (404, and 405/415 refused before routing) count under {@code
 * route="unmatched"}, static files under {@code "/static"}: the label set stays bounded.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestMetricsFilter {
  private static final String START = "latte.request.start";

  private final ServerMetrics metrics;

  RequestMetricsFilter(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @RequestFilter
  void start(HttpRequest<?> request) {
    request.setAttribute(START, System.nanoTime());
  }

  @ResponseFilter
  void end(HttpRequest<?> request, MutableHttpResponse<?> response) {
    long start = request.getAttribute(START, Long.class).orElse(System.nanoTime());
    String route = RouteAttributes.getRouteMatch(request)
        .filter(m -> m instanceof UriRouteMatch<?, ?>)
        .map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo().getUriMatchTemplate().toString())
        .orElse(request.getPath().startsWith("/static/") && response.code() < 400 ? "/static" : "unmatched");
    metrics.request(request.getMethodName(), route, response.code(), System.nanoTime() - start);
  }
}
