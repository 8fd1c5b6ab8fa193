package io.latte.eval.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.latte.eval.beir.Qrels;
import io.latte.eval.metrics.Evaluation;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.eval.run.TrecRunWriter;
import io.latte.indexer.format.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores mode runs against the qrels and writes what scripts depend on: {@code <out>/<mode>.trec}
 * (top 1000 per query) and {@code <out>/summary.json}, whose keys are trec_eval's measure names.
 * Both names and keys are a stable contract; add keys, never rename them.
 */
public final class EvalReport {
  public static final String SUMMARY_FILE = "summary.json";

  private final String dataset;
  private final String model;
  private final Qrels qrels;
  private final RunEvaluator evaluator = RunEvaluator.defaults();
  private final List<ModeSummary> summaries = new ArrayList<>();
  private final Map<String, Object> extra = new LinkedHashMap<>();

  public EvalReport(String dataset, String model, Qrels qrels) {
    this.dataset = dataset;
    this.model = model;
    this.qrels = qrels;
  }

  /** Scores one mode and, when {@code out} is not null, writes its run file. */
  public ModeSummary add(ModeRun run, Path out) throws IOException {
    Evaluation e = evaluator.evaluate(run.run(), qrels);
    if (out != null) {
      Files.createDirectories(out);
      new TrecRunWriter("latte-" + run.mode(), RunEvaluator.DEFAULT_DEPTH)
          .write(out.resolve(run.mode() + ".trec"), run.run());
    }
    ModeSummary s = new ModeSummary(run.mode(), e.mean(), e.queryCount(), run.meanLatencyMillis(),
        run.percentileMillis(50), run.percentileMillis(95));
    summaries.add(s);
    return s;
  }

  /** Adds a top-level entry to summary.json (encoder throughput, settings, ...). */
  public void put(String key, Object value) {
    extra.put(key, value);
  }

  public List<ModeSummary> summaries() {
    return List.copyOf(summaries);
  }

  /** The table printed at the end of {@code latte eval}. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-8s %8s %8s %8s %8s %8s %10s%n",
        "mode", "nDCG@10", "R@100", "MAP", "MRR@10", "queries", "ms/query"));
    for (ModeSummary s : summaries) {
      sb.append(String.format(Locale.ROOT, "%-8s %8.4f %8.4f %8.4f %8.4f %8d %10.2f%n",
          s.mode(), s.measures().ndcg_cut_10(), s.measures().recall_100(), s.measures().map(),
          s.measures().mrr_10(), s.queries(), s.meanLatencyMillis()));
    }
    return sb.toString();
  }

  /** Writes {@code <out>/summary.json} atomically. */
  public void writeSummary(Path out) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dataset", dataset);
    root.put("model", model);
    Map<String, Object> modes = new LinkedHashMap<>();
    for (ModeSummary s : summaries) {
      Map<String, Object> m = new LinkedHashMap<>(s.measures().asMap());
      m.put("queries", s.queries());
      m.put("mean_latency_ms", round(s.meanLatencyMillis()));
      m.put("p50_ms", round(s.p50Millis()));
      m.put("p95_ms", round(s.p95Millis()));
      modes.put(s.mode(), m);
    }
    root.put("modes", modes);
    root.putAll(extra);
    byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    Files.createDirectories(out);
    AtomicFiles.write(out.resolve(SUMMARY_FILE), (new String(json, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
