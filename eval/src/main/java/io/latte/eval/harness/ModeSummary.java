package io.latte.eval.harness;

import io.latte.eval.metrics.Measures;

/** The numbers one mode earned: trec_eval measures and search latency. */
public record ModeSummary(String mode, Measures measures, int queries, double meanLatencyMillis, double p50Millis,
    double p95Millis) {}
