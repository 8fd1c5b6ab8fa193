package io.latte.eval.bench;

import io.latte.eval.beir.Qrels;
import io.latte.eval.harness.ModeRun;
import io.latte.eval.harness.ModeRunner;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.harness.RunExecutor;
import io.latte.eval.metrics.RunEvaluator;
import java.io.IOException;

/** Times one mode: warm-up, a single-threaded pass (latencies, QPS, nDCG@10), a two-threaded pass (QPS). */
public final class Bencher {
  /**
   * Each mode is warmed up for at least this long as well as for the asked number of queries: the
   * JIT reaches steady state after a time, not a query count (30 warm-up queries left a 5 ms mode
   * measured at 1.6 × its steady-state p50, while 30 queries of a 1.5 s mode are plenty).
   */
  public static final double MIN_WARMUP_SECONDS = 3;

  private final QuerySet queries;
  private final Qrels qrels;
  private final int k;
  private final int warmup;

  public Bencher(QuerySet queries, Qrels qrels, int k, int warmup) {
    this.queries = queries;
    this.qrels = qrels;
    this.k = k;
    this.warmup = warmup;
  }

  public ModeBench measure(String mode, ModeRunner runner) throws IOException {
    warmUp(runner, warmup, MIN_WARMUP_SECONDS); // JIT and page cache: measured passes should see steady state
    long t0 = System.nanoTime();
    ModeRun one = new RunExecutor(1).run(mode, queries, runner, k);
    double wall1 = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    new RunExecutor(2).run(mode, queries, runner, k);
    double wall2 = (System.nanoTime() - t1) / 1e9;
    double ndcg = new RunEvaluator(RunEvaluator.Averaging.ALL_JUDGED, RunEvaluator.DEFAULT_DEPTH)
        .evaluate(one.run(), qrels).mean().ndcg_cut_10();
    return new ModeBench(mode, ndcg, one.percentileMillis(50), one.percentileMillis(95), one.percentileMillis(99),
        one.meanLatencyMillis(), queries.size() / wall1, queries.size() / wall2, null);
  }

  /** At least {@code count} queries (cycling through the set) and at least {@code seconds}. */
  private void warmUp(ModeRunner runner, int count, double seconds) throws IOException {
    if (queries.size() == 0) {
      return;
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    for (int i = 0; i < count || System.nanoTime() < end; i++) {
      runner.search(i % queries.size(), k);
    }
  }

  /** One curve point: single-threaded p50 and nDCG@10 of a setting. */
  public CurvePoint point(String series, String setting, ModeRunner runner) throws IOException {
    warmUp(runner, warmup / 2, MIN_WARMUP_SECONDS / 3);
    ModeRun run = new RunExecutor(1).run(series, queries, runner, k);
    double ndcg = RunEvaluator.defaults().evaluate(run.run(), qrels).mean().ndcg_cut_10();
    return new CurvePoint(series, setting, run.percentileMillis(50), ndcg);
  }
}
