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
    for (int q = 0; q < Math.min(warmup, queries.size()); q++) {
      runner.search(q, k); // JIT and page cache: measured passes should see steady state
    }
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

  /** One curve point: single-threaded p50 and nDCG@10 of a setting. */
  public CurvePoint point(String series, String setting, ModeRunner runner) throws IOException {
    for (int q = 0; q < Math.min(warmup / 2, queries.size()); q++) {
      runner.search(q, k);
    }
    ModeRun run = new RunExecutor(1).run(series, queries, runner, k);
    double ndcg = RunEvaluator.defaults().evaluate(run.run(), qrels).mean().ndcg_cut_10();
    return new CurvePoint(series, setting, run.percentileMillis(50), ndcg);
  }
}
