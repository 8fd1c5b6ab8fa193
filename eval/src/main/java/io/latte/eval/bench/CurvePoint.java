package io.latte.eval.bench;

/** One setting of the quality-vs-latency curve: series (e.g. "xtr"), the setting, and what it gave. */
public record CurvePoint(String series, String setting, double p50_ms, double ndcg_cut_10) {}
