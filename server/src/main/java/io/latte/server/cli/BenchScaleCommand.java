package io.latte.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirQuery;
import io.latte.eval.bench.CurvePoint;
import io.latte.eval.bench.SvgPlot;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.scale.CorpusStats;
import io.latte.eval.scale.ModeScale;
import io.latte.eval.scale.RealCorpus;
import io.latte.eval.scale.ScaleBench;
import io.latte.eval.scale.ScaleRun;
import io.latte.eval.scale.SyntheticCorpus;
import io.latte.models.TokenEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latte bench-scale}: build, open and search synthetic corpora of growing size; one JSON. */
@Command(
    name = "bench-scale",
    mixinStandardHelpOptions = true,
    description = {
      "Scale benchmark: for each size, synthesise a corpus from a real dataset's encoded token vectors",
      "(streamed, deterministic from --seed), build an index from the vectors through the real indexer",
      "(codebook training, final merge; encoding excluded), open it, compute the exact MaxSim top 10 of",
      "the real encoded test queries over it (all cores, cached under --work), and measure xtr and colbert:",
      "p50/p95 one thread, QPS at 2 threads, recall@10 against exact. Writes one JSON with a list 'runs'.",
      "Size-dependent defaults follow one rule, not per-run tuning: centroids = 2^floor(log2(4*sqrt(tokens))),",
      "capped so each centroid has >= 32 of the 2^18 training vectors (at most 8192); nprobe, k' and",
      "candidates are the search defaults (16, 250, 200) at every size. Each run reports what was chosen.",
      "--validate first compares a synthetic corpus with the real one at the real one's size (tokens per",
      "centroid, nearest-neighbour similarity, xtr recall@10) and adds 'validation' to the JSON."
    })
public final class BenchScaleCommand implements Callable<Integer> {
  @Option(names = "--tokens", required = true, paramLabel = "LIST",
      description = "Corpus sizes in tokens, comma-separated, with k/M/G suffixes (e.g. 1M,10M,100M).")
  String tokens;

  @Option(names = "--json", required = true, paramLabel = "FILE", description = "Write the results here.")
  Path json;

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also draw recall@10 against p50 per mode, one point per size.")
  Path plot;

  @Option(names = "--dataset", defaultValue = "../shared/datasets/scifact", paramLabel = "DIR",
      description = "BEIR dataset whose encoded corpus seeds the generator and whose queries are asked (default ${DEFAULT-VALUE}).")
  Path datasetDir;

  @Option(names = "--split", defaultValue = "test", paramLabel = "NAME", description = "Query split (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--work", defaultValue = "target/bench-scale", paramLabel = "DIR",
      description = "Indexes (replaced each run) and the ground-truth cache (default ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--queries", defaultValue = "100", paramLabel = "N", description = "First N queries of the split (default ${DEFAULT-VALUE}).")
  int queryLimit;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--warmup-seconds", defaultValue = "3", paramLabel = "S", description = "Warm-up per mode before timing (default ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Option(names = "--modes", defaultValue = "xtr,colbert", paramLabel = "LIST",
      description = "Modes to measure (default ${DEFAULT-VALUE}); adding exact measures the engine's exact mode, MaxSim "
          + "over the compressed vectors: its recall against the float oracle is the ceiling quantisation leaves "
          + "(it scans everything: small sizes only).")
  String modes;

  @Option(names = "--muvera", description = "Give documents MUVERA encodings (default off: xtr and colbert do not use them; ~4 KiB/document).")
  boolean muvera;

  @Option(names = "--validate", description = "Compare synthetic and real at the real corpus's size first.")
  boolean validate;

  @Option(names = "--encoding-cache", paramLabel = "DIR", description = "Encoded-corpus cache (default ~/.cache/latte/encoded).")
  Path encodingCache;

  @Option(names = "--encoded", paramLabel = "FILE.lenc",
      description = "Take the real encoded corpus from this encoding-cache file instead of the dataset's cache entry "
          + "(it must be the dataset's corpus, encoded with --model).")
  Path encodedFile;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    List<Long> sizes = parseSizes(tokens);
    if (queryLimit < 1) {
      throw new IllegalArgumentException("--queries must be >= 1, got " + queryLimit);
    }
    BeirDataset dataset = BeirDataset.open(datasetDir);
    List<BeirQuery> queries = dataset.queries(split);
    queries = queries.subList(0, Math.min(queryLimit, queries.size()));
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("the dataset has no queries for split '" + split + "'");
    }
    EncodedCorpus real;
    QuerySet qs;
    try (TokenEncoder encoder = model.open()) {
      if (encodedFile != null) {
        real = io.latte.eval.encode.EncodedCorpusFile.read(encodedFile);
        if (!real.modelChecksum().equals(encoder.info().checksum())) {
          throw new IllegalArgumentException("--encoded: " + encodedFile + " was encoded with " + real.modelName()
              + ", not with --model " + encoder.info().name());
        }
      } else {
        real = Progress.corpus(dataset, encoder, model, encodingCache, false).corpus();
      }
      qs = QuerySet.encode(queries.stream().map(BeirQuery::id).toList(),
          queries.stream().map(BeirQuery::text).toList(), encoder);
    }
    double meanLength = (double) real.totalTokens() / real.size();
    int cores = Runtime.getRuntime().availableProcessors();
    ScaleBench bench = new ScaleBench(qs, new ScaleBench.Settings(work, cores, warmupSeconds, muvera,
        java.util.Arrays.stream(modes.split(",")).map(String::trim).map(io.latte.searcher.SearchMode::parse).toList()));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("dataset", dataset.name());
    root.put("real_documents", real.size());
    root.put("real_tokens", real.totalTokens());
    // The generator keeps the real corpus on the heap: part of every run's heap_used_mb.
    root.put("real_corpus_heap_mb", real.totalTokens() * real.dim() * (double) Float.BYTES / (1024 * 1024));
    root.put("queries", qs.size());
    root.put("seed", seed);
    SyntheticCorpus.Options g = SyntheticCorpus.Options.defaults(seed, 0);
    root.put("generator", "v" + SyntheticCorpus.GENERATOR_VERSION + ": real documents dealt out once per epoch, each split between two synthetic documents; noise from differences between neighbouring real tokens; similarity="
        + g.similarity());
    root.put("cores", cores);
    root.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    root.put("rule", "centroids = 2^floor(log2(4*sqrt(tokens))), capped at sample/32 (8192 with the default 2^18 sample); "
        + "nprobe, k', candidates = search defaults at every size");
    if (validate) {
      root.put("validation", validation(real, bench));
      write(root);
    }
    List<ScaleRun> runs = new ArrayList<>();
    root.put("runs", runs);
    for (long size : sizes) {
      long docs = Math.max(1, Math.round(size / meanLength));
      SyntheticCorpus corpus = new SyntheticCorpus(real, SyntheticCorpus.Options.defaults(seed, docs));
      System.out.printf(Locale.ROOT, "size %s: %d synthetic documents (≈ %.0f tokens each)%n", label(size), docs, meanLength);
      ScaleRun r = bench.run(corpus, "index-" + label(size));
      runs.add(r);
      print(label(size), r);
      write(root); // after each size: a long run keeps what it measured
    }
    if (plot != null) {
      List<CurvePoint> points = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        for (Map.Entry<String, ModeScale> m : runs.get(i).modes().entrySet()) {
          points.add(new CurvePoint(m.getKey(), label(sizes.get(i)), m.getValue().p50_ms(), m.getValue().recall_at_10()));
        }
      }
      SvgPlot.write(plot, "latte at scale: recall@10 vs exact against p50, one point per corpus size", "recall@10 vs exact", points);
      System.out.println("wrote " + plot);
    }
    System.out.println("wrote " + json);
    return 0;
  }

  /**
   * Real vs synthetic at the real corpus's document count: the three measures of issue 12, and a
   * fourth: colbert's agreement with float exact MaxSim (which is compressed exact MaxSim's, over
   * its candidates), since how the codes distort a corpus depends on how its residuals look — with
   * token scales the synthetic corpus's noise and real residuals part ways there (BENCHMARKS §20d).
   */
  private Map<String, Object> validation(EncodedCorpus real, ScaleBench bench) throws Exception {
    SyntheticCorpus synthetic = new SyntheticCorpus(real, SyntheticCorpus.Options.defaults(seed, real.size()));
    RealCorpus reference = new RealCorpus(real);
    int cores = Runtime.getRuntime().availableProcessors();
    CorpusStats.Comparison stats = CorpusStats.compare(reference, synthetic, CorpusStats.DEFAULT_SAMPLE_TOKENS, 256,
        CorpusStats.DEFAULT_NN_PROBES, cores, seed);
    System.out.printf(Locale.ROOT, "validation: tokens per centroid KL %.4f (max %.2f, real vs real %.4f); nearest-neighbour "
        + "KS %.3f (max %.2f, real vs real %.3f), median real %.3f synthetic %.3f%n", stats.cluster_kl(),
        stats.cluster_kl_max(), stats.cluster_kl_real_vs_real(), stats.nn_ks(), stats.nn_ks_max(),
        stats.nn_ks_real_vs_real(), stats.nn_median_real(), stats.nn_median_synthetic());
    ScaleRun r = bench.run(reference, "index-real");
    print("real", r);
    ScaleRun s = bench.run(synthetic, "index-synthetic");
    print("synthetic", s);
    double dx = Math.abs(r.modes().get("xtr").recall_at_10() - s.modes().get("xtr").recall_at_10());
    double dc = Math.abs(r.modes().get("colbert").recall_at_10() - s.modes().get("colbert").recall_at_10());
    boolean within = stats.within_tolerance() && dx <= MAX_RECALL_DIFFERENCE && dc <= MAX_RECALL_DIFFERENCE;
    System.out.printf(Locale.ROOT, "validation: recall@10 difference real vs synthetic xtr %.3f, colbert %.3f (max %.2f"
        + " each); %s%n", dx, dc, MAX_RECALL_DIFFERENCE, within ? "all measures within tolerance"
        : "OUTSIDE tolerance: the synthetic corpus does not stand for the real one here");
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("corpus_stats", stats);
    v.put("real", r);
    v.put("synthetic", s);
    v.put("xtr_recall_difference", dx);
    v.put("xtr_recall_difference_max", MAX_RECALL_DIFFERENCE);
    v.put("colbert_recall_difference", dc);
    v.put("colbert_recall_difference_max", MAX_RECALL_DIFFERENCE);
    v.put("within_tolerance", within);
    return v;
  }

  /** xtr's and colbert's recall@10 on synthetic each within this of the real corpus's. */
  static final double MAX_RECALL_DIFFERENCE = 0.05;

  private void write(Map<String, Object> root) throws java.io.IOException {
    Path parent = json.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
  }

  private static void print(String label, ScaleRun r) {
    System.out.printf(Locale.ROOT, "%s: %d tokens, %d docs, build %.1f s (%.0f tok/s; codebook %.1f s, merge %.1f s), "
        + "%.1f B/token, heap %.0f MB, peak RSS %.0f MB, open %.2f s, %d centroids%n", label, r.tokens(), r.documents(),
        r.build_seconds(), r.tokens_per_second(), r.codebook_seconds(), r.merge_seconds(), r.bytes_per_token(),
        r.heap_used_mb(), r.peak_rss_mb(), r.open_seconds(), r.centroids());
    r.modes().forEach((m, b) -> System.out.printf(Locale.ROOT, "  %-8s p50 %.2f ms  p95 %.2f ms  QPS(2t) %.1f  recall@10 %.3f%n",
        m, b.p50_ms(), b.p95_ms(), b.qps_2_threads(), b.recall_at_10()));
  }

  /** {@code 1M,10M,100M} / {@code 200k} / {@code 1500000} → token counts. */
  static List<Long> parseSizes(String list) {
    List<Long> out = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw new IllegalArgumentException("--tokens: empty size in '" + list + "'");
      }
      long mult = switch (Character.toLowerCase(p.charAt(p.length() - 1))) {
        case 'k' -> 1_000L;
        case 'm' -> 1_000_000L;
        case 'g' -> 1_000_000_000L;
        default -> 1L;
      };
      String num = mult == 1 ? p : p.substring(0, p.length() - 1);
      double v;
      try {
        v = Double.parseDouble(num);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--tokens: not a size: '" + p + "' (e.g. 1M, 200k)");
      }
      if (!(v >= 1) || v * mult > 1e13) {
        throw new IllegalArgumentException("--tokens: size must be >= 1, got '" + p + "'");
      }
      out.add(Math.round(v * mult));
    }
    return out;
  }

  static String label(long tokens) {
    if (tokens % 1_000_000_000L == 0) {
      return tokens / 1_000_000_000L + "G";
    }
    if (tokens % 1_000_000L == 0) {
      return tokens / 1_000_000L + "M";
    }
    if (tokens % 1_000L == 0) {
      return tokens / 1_000L + "k";
    }
    return Long.toString(tokens);
  }
}
