package io.latte.server.http.ops;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /metrics}: Prometheus text format 0.0.4 (rendered on the event loop: it never blocks). */
@Controller("/metrics")
final class MetricsController {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final ServerMetrics metrics;

  MetricsController(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Get
  @Produces(PROMETHEUS_TEXT)
  String scrape() {
    return metrics.scrape();
  }
}
