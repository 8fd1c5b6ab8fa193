package io.latte.eval.scale;

/**
 * One mode at one corpus size: single-threaded latency (query encoding excluded: the queries come
 * as vectors), queries per second with two concurrent searchers, and recall@10 against exact MaxSim
 * (the fraction of the exact top 10 found in the mode's top 10, averaged over queries).
 */
public record ModeScale(double p50_ms, double p95_ms, double mean_ms, double qps_1_thread, double qps_2_threads,
    double recall_at_10) {}
