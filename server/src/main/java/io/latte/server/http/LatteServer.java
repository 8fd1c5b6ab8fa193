package io.latte.server.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts and stops the HTTP server: the library call behind {@code latte serve} and the tests.
 *
 * <p><b>Shutdown.</b> {@link #close()} (also run on SIGINT/SIGTERM by {@link #awaitShutdown}) stops
 * accepting connections, lets requests in flight finish (up to {@link Options#gracePeriodSeconds}),
 * then closes the index — every acknowledged write is already committed, a write in progress is
 * finished and committed first — and the encoder.
 */
public final class LatteServer implements AutoCloseable {
  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * What {@code latte serve} configures.
   *
   * @param index index directory (created empty when missing)
   * @param host address to bind; 127.0.0.1 by default
   * @param port port; 0 for any free port
   * @param model model name or directory, or null for the index's
   * @param apiKey key required for writes, or null for none
   * @param maxQueryChars longest query in characters
   * @param maxBatchDocuments most documents per upsert
   * @param maxRequestBytes largest request body
   * @param gracePeriodSeconds how long shutdown waits for requests in flight
   * @param encoderThreads ONNX Runtime threads per encoding call, 0 for all cores
   */
  public record Options(Path index, String host, int port, String model, String apiKey, int maxQueryChars,
      int maxBatchDocuments, long maxRequestBytes, int gracePeriodSeconds, int encoderThreads) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /** Defaults for everything but the index. */
    public static Options defaults(Path index) {
      return new Options(index, DEFAULT_HOST, DEFAULT_PORT, null, null, 1000, 256, 16L << 20, 30, 0);
    }

    public Options withPort(int p) {
      return new Options(index, host, p, model, apiKey, maxQueryChars, maxBatchDocuments, maxRequestBytes,
          gracePeriodSeconds, encoderThreads);
    }

    public Options withApiKey(String key) {
      return new Options(index, host, port, model, key, maxQueryChars, maxBatchDocuments, maxRequestBytes,
          gracePeriodSeconds, encoderThreads);
    }

    public Options withLimits(int queryChars, int batchDocuments, long requestBytes) {
      return new Options(index, host, port, model, apiKey, queryChars, batchDocuments, requestBytes,
          gracePeriodSeconds, encoderThreads);
    }

    /** As Micronaut properties. */
    Map<String, Object> properties() {
      Map<String, Object> p = new HashMap<>();
      p.put("latte.index", index.toString());
      if (model != null) {
        p.put("latte.model", model);
      }
      if (apiKey != null) {
        p.put("latte.api-key", apiKey);
      }
      p.put("latte.max-query-chars", maxQueryChars);
      p.put("latte.max-batch-documents", maxBatchDocuments);
      p.put("latte.encoder-threads", encoderThreads);
      p.put("micronaut.server.host", host);
      p.put("micronaut.server.port", port == 0 ? -1 : port);
      // Both limits: max-request-size alone leaves Micronaut's 10 MiB buffering limit in force.
      p.put("micronaut.server.max-request-size", maxRequestBytes);
      p.put("micronaut.server.max-request-buffer-size", maxRequestBytes);
      p.put("micronaut.lifecycle.graceful-shutdown.grace-period", gracePeriodSeconds + "s");
      return p;
    }
  }

  private LatteServer(ApplicationContext context, EmbeddedServer server) {
    this.context = context;
    this.server = server;
  }

  /**
   * Opens the index and the encoder and starts listening.
   *
   * @throws IllegalArgumentException for a wrong model or a directory that is not an index
   * @throws UncheckedIOException when the index cannot be opened or the port is taken
   */
  public static LatteServer start(Options options) {
    ApplicationContext ctx = null;
    try {
      ctx = ApplicationContext.builder()
          .deduceEnvironment(false)
          .banner(false)
          .properties(options.properties())
          .start();
      EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
      server.start();
      return new LatteServer(ctx, server);
    } catch (RuntimeException e) {
      if (ctx != null) {
        ctx.close();
      }
      throw startFailure(e, options);
    }
  }

  /** The user's problem inside Micronaut's bean-creation wrappers, with the cause chain kept. */
  static RuntimeException startFailure(RuntimeException e, Options options) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException b) {
        return new UncheckedIOException(
            "cannot listen on " + options.host() + ":" + options.port() + ": " + b.getMessage(), b);
      }
      if (t instanceof IllegalArgumentException || t instanceof UncheckedIOException) {
        return (RuntimeException) t;
      }
      if (t instanceof IOException io) {
        return new UncheckedIOException(io.getMessage(), io);
      }
    }
    return e;
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return URI.create("http://" + hostForUri(server.getHost()) + ":" + server.getPort() + "/");
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  /** For tests: a bean of the running server. */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Blocks until the process is asked to stop (SIGINT, SIGTERM) and the server has shut down. */
  public void awaitShutdown() throws InterruptedException {
    Thread hook = new Thread(this::close, "latte-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }

  /** Graceful shutdown (see the class comment); idempotent. */
  @Override
  public synchronized void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    try {
      if (context.isRunning()) {
        context.stop(); // graceful shutdown of the Netty server first, then beans' close
      }
    } finally {
      stopped.countDown();
    }
  }
}
