package io.latte.server.http.search;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the first user's search as fast as the hundredth, before {@code /health/ready} says ready.
 *
 * <ol>
 *   <li>While the application context starts ({@code @Context}), before the server listens: real
 *       queries in every mode but exact through the searcher ({@link SearchService#warmUp}) — the encoder's first
 *       inference, lazily built or mapped index structures, the engine's classes.
 *   <li>Once the server listens ({@link ServerStartupEvent}, published before {@code latte serve}
 *       reports that it listens): a few {@code POST /v1/search} to itself, which warm what only a
 *       real request reaches — Netty's pipeline, routing, the strict JSON reader, validation and the
 *       response writer (counted in {@code /metrics} like any request). Measured on SciFact: without
 *       them the first request took 2-3× the median.
 * </ol>
 * Readiness ({@link #isWarm}) is reported only after both; a failing step is logged and never keeps
 * the server unready.
 */
@Context
public final class SearchWarmup implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(SearchWarmup.class);

  /** Requests of step 2: the default mode, the search page's request (explain), and BM25. */
  private static final List<String> REQUESTS = List.of(
      "{\"query\": \"a first request through the whole server\"}",
      "{\"query\": \"a first request through the whole server\", \"explain\": true, \"k\": 10}",
      "{\"query\": \"a first request through the whole server\", \"mode\": \"bm25\"}");

  /** Further requests of the default kind, for the JIT. */
  private static final int REPEATS = 5;

  private final AtomicBoolean warm = new AtomicBoolean();

  SearchWarmup(SearchService service) {
    long t0 = System.nanoTime();
    try {
      var modes = service.warmUp();
      LOG.info("warmed the searcher in {} ms (ms per mode: {})", (System.nanoTime() - t0) / 1_000_000, modes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index to warm it up: " + e.getMessage(), e);
    }
  }

  /** Whether both warm-up steps are done (or were given up). */
  public boolean isWarm() {
    return warm.get();
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    long t0 = System.nanoTime();
    try {
      URI search = local(event.getSource()).resolve("/v1/search");
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (String body : java.util.stream.Stream.concat(REQUESTS.stream(),
          java.util.Collections.nCopies(REPEATS, REQUESTS.get(0)).stream()).toList()) {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
          LOG.warn("warm-up request got HTTP {}", r.statusCode());
        }
      }
      LOG.info("warmed the HTTP path in {} ms", (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      LOG.warn("warm-up requests failed ({}); serving anyway", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      warm.set(true);
    }
  }

  /** The server's own address, via loopback when it listens on every interface. */
  private static URI local(EmbeddedServer server) {
    String host = server.getHost();
    if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isEmpty()) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + server.getPort() + "/");
  }
}
