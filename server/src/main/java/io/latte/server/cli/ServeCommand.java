package io.latte.server.cli;

import io.latte.server.http.LatteServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latte serve}: the HTTP API and search page over one index. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve an index over HTTP: JSON API under /v1 (search, documents, stats), /health,",
      "/metrics (Prometheus), the OpenAPI document at /openapi.yaml and a search page at /.",
      "A missing index directory is created empty; the first POST /v1/documents batch",
      "trains its codebook. Writes are committed before they are acknowledged.",
      "With an API key (LATTE_API_KEY or --api-key-file), writes need it; reads stay open."
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory (created empty if missing).")
  Path index;

  @Option(names = "--host", defaultValue = LatteServer.Options.DEFAULT_HOST, paramLabel = "ADDR",
      description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
  String host;

  @Option(names = "--port", defaultValue = "" + LatteServer.Options.DEFAULT_PORT, paramLabel = "N",
      description = "Port (default ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--model", paramLabel = "NAME|DIR",
      description = "Model (default: the index's; bge-small-en-v15-q for a new index).")
  String model;

  @Option(names = "--api-key-file", paramLabel = "FILE",
      description = "File holding the API key required for writes (default: $LATTE_API_KEY, else no key).")
  Path apiKeyFile;

  @Option(names = "--max-query-chars", defaultValue = "1000", paramLabel = "N",
      description = "Longest accepted query, in characters (default ${DEFAULT-VALUE}).")
  int maxQueryChars;

  @Option(names = "--max-batch", defaultValue = "256", paramLabel = "N",
      description = "Most documents per POST /v1/documents (default ${DEFAULT-VALUE}).")
  int maxBatch;

  /** Largest --max-request-mb: a buffered body is one Java array. */
  static final int MAX_REQUEST_MB = 2047;

  @Option(names = "--max-request-mb", defaultValue = "16", paramLabel = "MB",
      description = "Largest request body in MiB, 1.." + MAX_REQUEST_MB + " (default ${DEFAULT-VALUE}); larger bodies get 413.")
  int maxRequestMb;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
      description = "ONNX Runtime threads per encoding call (default: all cores).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be in [0, 65535], got " + port);
    }
    if (maxQueryChars < 1 || maxBatch < 1 || maxRequestMb < 1 || threads < 0) {
      throw new IllegalArgumentException(
          "--max-query-chars, --max-batch and --max-request-mb must be >= 1, --threads >= 0");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be in [0, 65535], got " + port);
    }
    if (maxRequestMb > MAX_REQUEST_MB) {
      // Micronaut buffers a JSON body in one array: it cannot hold 2 GiB or more.
      throw new IllegalArgumentException("--max-request-mb must be at most " + MAX_REQUEST_MB + ", got " + maxRequestMb);
    }
    String key = apiKey();
    LatteServer.Options o = new LatteServer.Options(index, host, port, model, key, maxQueryChars, maxBatch,
        (long) maxRequestMb << 20, 30, threads);
    try (LatteServer server = LatteServer.start(o)) {
      System.out.printf("latte: serving %s at %s (search page at /, API under /v1, writes %s)%n",
          index.toAbsolutePath().normalize(), server.uri(), key == null ? "open" : "need the API key");
      server.awaitShutdown();
      System.out.println("latte: stopped; every acknowledged write is committed");
    }
    return 0;
  }

  /** A key is a line of text; a larger file is the wrong file (and would be read whole). */
  static final int MAX_API_KEY_BYTES = 4096;

  private String apiKey() throws java.io.IOException {
    if (apiKeyFile != null && Files.size(apiKeyFile) > MAX_API_KEY_BYTES) {
      throw new IllegalArgumentException("--api-key-file " + apiKeyFile + " is larger than " + MAX_API_KEY_BYTES
          + " bytes; it should hold just the key");
    }
    String key = apiKeyFile != null
        ? Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip()
        : System.getenv("LATTE_API_KEY");
    if (key != null && key.isBlank()) {
      throw new IllegalArgumentException("the API key is empty" + (apiKeyFile != null ? " in " + apiKeyFile : ""));
    }
    if (key != null && key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      // it is compared with a header value, which cannot hold these: no request could ever match
      throw new IllegalArgumentException("the API key must be one line without control characters"
          + (apiKeyFile != null ? " (in " + apiKeyFile + ")" : ""));
    }
    return key;
  }
}
