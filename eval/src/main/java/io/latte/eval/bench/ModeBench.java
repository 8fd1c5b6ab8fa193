package io.latte.eval.bench;

/**
 * What {@code latte bench} measured for one mode. Latencies exclude query encoding (measured once,
 * separately); QPS is queries over wall time with one and two concurrent searchers.
 */
public record ModeBench(String mode, double ndcg_cut_10, double p50_ms, double p95_ms, double p99_ms,
    double mean_ms, double qps_1t, double qps_2t, Double speedup_vs_exact) {
  public ModeBench withSpeedup(Double s) {
    return new ModeBench(mode, ndcg_cut_10, p50_ms, p95_ms, p99_ms, mean_ms, qps_1t, qps_2t, s);
  }
}
