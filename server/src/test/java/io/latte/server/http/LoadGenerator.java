package io.latte.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator for {@code POST /v1/search}: {@code clients} threads, each sending the
 * next sample query as soon as its previous answer arrived, for a fixed time. Used by {@link
 * LoadSmokeTest} (short) and by {@link #main} against a separate {@code latte serve} process:
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/classes:server/target/lib/* \
 *   io.latte.server.http.LoadGenerator http://127.0.0.1:8080/ 8 30 xtr SERVER_PID
 * </pre>
 */
public final class LoadGenerator {

  /**
   * What a run measured.
   *
   * @param rssMiB resident memory of the server process at the end (-1 when unknown)
   */
  public record Report(int clients, double seconds, long requests, long errors, double qps, double p50Ms,
      double p90Ms, double p99Ms, double maxMs, String mode, long rssMiB) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d clients × %.0f s, mode %s: %d requests, %d errors, %.1f QPS,"
              + " latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; server RSS %s",
          clients, seconds, mode, requests, errors, qps, p50Ms, p90Ms, p99Ms, maxMs,
          rssMiB < 0 ? "n/a" : rssMiB + " MiB");
    }
  }

  private LoadGenerator() {}

  /** The 16 queries of the sample collection. */
  static List<String> sampleQueries() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(TestIndexes.SAMPLE.resolve("queries.jsonl"))) {
      if (!line.isBlank()) {
        JsonNode q = Http.JSON.readTree(line);
        out.add(q.get("text").asText());
      }
    }
    return out;
  }

  public static Report run(URI base, int clients, double seconds, String mode, List<String> queries, long serverPid)
      throws Exception {
    Http http = new Http(base);
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong errors = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> results = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      results.add(pool.submit(() -> {
        long[] lat = new long[1 << 16];
        int n = 0;
        for (int i = client; System.nanoTime() < end; i++) {
          long s = System.nanoTime();
          Http.Response r;
          try {
            r = http.postJson("/v1/search", Map.of("query", queries.get(i % queries.size()), "mode", mode, "k", 10));
          } catch (RuntimeException e) {
            r = null;
          }
          long d = System.nanoTime() - s;
          if (r == null || r.status() != 200) {
            errors.incrementAndGet();
          }
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = d;
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      all.add(f.get());
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Report(clients, seconds, lat.length, errors.get(), lat.length / wall, pct(lat, 0.50), pct(lat, 0.90),
        pct(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, mode, rssMiB(serverPid));
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /** VmRSS of a process from /proc (Linux), in MiB, or -1. */
  static long rssMiB(long pid) {
    Path status = Path.of("/proc", pid <= 0 ? "self" : Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** {@code BASE_URL CLIENTS SECONDS [MODE] [SERVER_PID]}. */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    int clients = Integer.parseInt(args[1]);
    double seconds = Double.parseDouble(args[2]);
    String mode = args.length > 3 ? args[3] : "xtr";
    long pid = args.length > 4 ? Long.parseLong(args[4]) : -1;
    // Warm-up: JIT, ONNX Runtime arenas, Lucene caches.
    run(base, clients, Math.min(5, seconds / 3), mode, sampleQueries(), pid);
    System.out.println(run(base, clients, seconds, mode, sampleQueries(), pid));
  }
}
