package io.latte.indexer.codebook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task over {@code [0, n)} in fixed-size chunks on a few platform threads. Chunks are claimed
 * dynamically, so a caller that wants deterministic results must make each chunk write only its own
 * output range (all callers here do), never accumulate across chunks.
 */
final class Parallel {

  @FunctionalInterface
  interface RangeTask {
    void run(int from, int to);
  }

  private Parallel() {}

  static void forRanges(int threads, int n, int chunk, RangeTask task) {
    if (n <= 0) {
      return;
    }
    int chunks = (n + chunk - 1) / chunk;
    int workers = Math.min(threads, chunks);
    if (workers <= 1) {
      task.run(0, n);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Throwable[] failure = new Throwable[1];
    Runnable worker =
        () -> {
          int c;
          while ((c = next.getAndIncrement()) < chunks) {
            synchronized (failure) {
              if (failure[0] != null) {
                return;
              }
            }
            try {
              task.run(c * chunk, Math.min(n, (c + 1) * chunk));
            } catch (Throwable t) {
              synchronized (failure) {
                if (failure[0] == null) {
                  failure[0] = t;
                }
              }
              return;
            }
          }
        };
    List<Thread> started = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      started.add(Thread.ofPlatform().name("latte-codebook-" + w).daemon().start(worker));
    }
    worker.run(); // the calling thread works too
    boolean interrupted = false;
    for (Thread t : started) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // finish joining: workers write into the caller's arrays
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure[0];
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  static int checkThreads(int threads) {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
    }
    return threads;
  }
}
