package io.latte.server.http.ops;

import io.latte.server.http.api.HealthView;
import io.latte.server.http.index.LiveIndex;
import io.latte.server.http.search.SearchWarmup;
import io.latte.server.http.index.Snapshot;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.util.Optional;

/**
 * Liveness and readiness: {@code GET /health} (both, always 200 while the process answers, with
 * {@code ready} telling), {@code GET /health/live} (200) and {@code GET /health/ready} (200 when the
 * index can be searched at warm latency, i.e. after {@link SearchWarmup}; 503 otherwise: for load balancers and orchestrators). Runs on the event
 * loop, not the I/O pool searches use, so it answers promptly under load.
 */
@Controller("/health")
final class HealthController {
  private final LiveIndex index;
  private final SearchWarmup warmup;

  HealthController(LiveIndex index, SearchWarmup warmup) {
    this.index = index;
    this.warmup = warmup;
  }

  @Get
  HealthView health() {
    return view();
  }

  @Get("/live")
  HealthView live() {
    return view();
  }

  @Get("/ready")
  HttpResponse<HealthView> ready() {
    HealthView v = view();
    return HttpResponse.status(v.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(v);
  }

  private HealthView view() {
    try (LiveIndex.Lease lease = index.acquire()) {
      Optional<Snapshot> s = lease.snapshot();
      boolean ready = warmup.isWarm();
      return new HealthView(ready ? "UP" : "DOWN", true, ready, s.map(Snapshot::documents).orElse(0),
          s.map(Snapshot::generation).orElse(0L));
    } catch (IOException | RuntimeException e) {
      return new HealthView("DOWN", true, false, 0, 0);
    }
  }
}
