package io.latte.server.http.ops;

import io.latte.server.http.index.LiveIndex;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/stats}: the figures of {@code latte stats --json} for the commit searches see
 * (documents, tokens, codebook, bytes per token by structure, size, codebook fit), plus the index
 * path and whether it is still empty.
 */
@Controller("/v1/stats")
@ExecuteOn(TaskExecutors.IO)
final class StatsController {
  private final LiveIndex index;

  StatsController(LiveIndex index) {
    this.index = index;
  }

  @Get
  Map<String, Object> stats() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", index.path().toString());
    var stats = index.stats();
    m.put("empty", stats.isEmpty());
    if (stats.isPresent()) {
      m.putAll(stats.get().toJsonMap());
    } else {
      m.put("documents", 0);
      m.put("model", index.model().name());
    }
    return m;
  }
}
