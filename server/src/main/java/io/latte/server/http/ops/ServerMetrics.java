package io.latte.server.http.ops;

import io.latte.searcher.SearchMode;
import io.latte.server.http.index.LiveIndex;
import io.latte.server.http.index.Snapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The server's Prometheus metrics (served at {@code GET /metrics}):
 *
 * <pre>
 * latte_http_server_requests_seconds{method,route,status}   count/sum per endpoint and status
 * latte_search_seconds{mode}                                  latency histogram per search mode
 * latte_search_stage_seconds{mode,stage=encode|retrieve|score}
 * latte_documents_upserted_total, latte_documents_deleted_total
 * latte_index_documents, latte_index_deleted_documents, latte_index_segments,
 * latte_index_size_bytes, latte_index_generation             the commit searches see
 * jvm_*, process_*, system_*                                  Micrometer's JVM binders
 * </pre>
 */
@Singleton
public final class ServerMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<SearchMode, Timer> searches = new EnumMap<>(SearchMode.class);
  private final Map<SearchMode, Timer[]> stages = new EnumMap<>(SearchMode.class);
  private final Counter upserted;
  private final Counter deleted;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  ServerMetrics(LiveIndex index) {
    for (SearchMode m : SearchMode.values()) {
      searches.put(m, Timer.builder("latte.search")
          .description("Search latency inside the server, per mode")
          .tag("mode", m.label())
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(10))
          .register(registry));
      Timer[] t = new Timer[3];
      String[] names = {"encode", "retrieve", "score"};
      for (int i = 0; i < 3; i++) {
        t[i] = Timer.builder("latte.search.stage").tag("mode", m.label()).tag("stage", names[i]).register(registry);
      }
      stages.put(m, t);
    }
    upserted = Counter.builder("latte.documents.upserted").description("Documents added or replaced").register(registry);
    deleted = Counter.builder("latte.documents.deleted").description("Documents deleted").register(registry);
    gauge("latte.index.documents", "Live documents in the commit searches see", index, Snapshot::documents);
    gauge("latte.index.deleted.documents", "Deleted documents not yet merged away", index, Snapshot::deletedDocuments);
    gauge("latte.index.segments", "Lucene segments", index, Snapshot::segments);
    gauge("latte.index.size.bytes", "Bytes of the commit searches see, with codebook and meta", index,
        Snapshot::sizeBytes);
    gauge("latte.index.generation", "Lucene commit generation searches see", index, Snapshot::generation);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private void gauge(String name, String help, LiveIndex index, ToDoubleFunction<Snapshot> f) {
    Gauge.builder(name, index, i -> read(i, f)).description(help).register(registry);
  }

  private static double read(LiveIndex index, ToDoubleFunction<Snapshot> f) {
    try (LiveIndex.Lease lease = index.acquire()) {
      return lease.snapshot().map(f::applyAsDouble).orElse(0.0);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** One search, with the stage times it reported. */
  public void search(SearchMode mode, long totalNanos, long encodeNanos, long retrieveNanos, long scoreNanos) {
    searches.get(mode).record(totalNanos, TimeUnit.NANOSECONDS);
    Timer[] t = stages.get(mode);
    t[0].record(encodeNanos, TimeUnit.NANOSECONDS);
    t[1].record(retrieveNanos, TimeUnit.NANOSECONDS);
    t[2].record(scoreNanos, TimeUnit.NANOSECONDS);
  }

  /** One HTTP exchange. */
  public void request(String method, String route, int status, long nanos) {
    Timer.builder("latte.http.server.requests")
        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public void upserted(int documents) {
    upserted.increment(documents);
  }

  public void deleted(int documents) {
    deleted.increment(documents);
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  @PreDestroy
  void close() {
    gc.close();
    registry.close();
  }
}
