/**
 * Speed measurement: per-mode latency percentiles and throughput at one and two threads, measured
 * side by side in one run with nDCG@10 alongside, and a quality-vs-latency curve as SVG.
 */
package io.latte.eval.bench;
