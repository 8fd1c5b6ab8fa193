package io.latte.eval.harness;

import io.latte.eval.metrics.ScoredDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

/**
 * Runs one mode over every query of a {@link QuerySet}, on {@code threads} threads, timing each
 * query. With one thread the latencies are single-threaded search latencies; with more, they are
 * latencies under that many concurrent queries.
 */
public final class RunExecutor {
  private final int threads;

  public RunExecutor(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  public ModeRun run(String mode, QuerySet queries, ModeRunner runner, int depth) throws IOException {
    int n = queries.size();
    @SuppressWarnings("unchecked")
    List<ScoredDoc>[] results = new List[n];
    double[] millis = new double[n];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>(n);
      for (int q = 0; q < n; q++) {
        final int query = q;
        futures.add(pool.submit(() -> {
          long t0 = System.nanoTime();
          try {
            results[query] = runner.search(query, depth);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          millis[query] = (System.nanoTime() - t0) / 1e6;
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running mode " + mode, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException("mode " + mode + " failed", cause);
    } finally {
      pool.shutdownNow();
    }
    Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
    for (int q = 0; q < n; q++) {
      run.put(queries.id(q), results[q]);
    }
    return new ModeRun(mode, run, millis);
  }
}
