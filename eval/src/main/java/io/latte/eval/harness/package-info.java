/**
 * The evaluation harness: encodes the queries once, runs every requested mode over all of them,
 * measures per-query latency, and hands the rankings to the metrics and the run-file writer.
 * Modes are plain {@link io.latte.eval.harness.ModeRunner}s so the same harness runs the baselines
 * and every searcher mode on exactly the same queries.
 */
package io.latte.eval.harness;
