package io.latte.server.cli;

import io.latte.eval.baseline.LuceneLateInteraction;
import io.latte.eval.beir.BeirDocument;
import io.latte.eval.beir.CloseableIterator;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.encode.EncodingCache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.latte.eval.bench.Bencher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import io.latte.eval.bench.CurvePoint;
import io.latte.eval.bench.ModeBench;
import io.latte.eval.bench.SvgPlot;
import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirQuery;
import io.latte.engine.SearchEngine;
import io.latte.eval.harness.BaselineModes;
import io.latte.eval.harness.EngineModes;
import io.latte.eval.harness.Latency;
import io.latte.eval.harness.QuerySet;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
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

/** {@code latte bench}: latency and throughput of every mode, side by side, with nDCG@10. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark search modes on an index with a BEIR dataset's queries: p50/p95/p99 latency (encoding",
      "excluded, reported separately), QPS at 1 and 2 threads, nDCG@10, speed-up against exact in the same run."
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path index;

  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "BEIR dataset (queries + qrels).")
  Path datasetDir;

  @Option(names = "--split", defaultValue = "test", paramLabel = "NAME", description = "Qrels split (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--modes", paramLabel = "LIST", description = "Modes to measure (default: all): the searcher's"
      + " modes and " + LUCENE_LIF + " (Lucene's LateInteractionField + LateInteractionRescorer over float vectors,"
      + " re-ranking BM25's top " + LuceneLateInteraction.FIRST_PASS + "; encodes the corpus once, cached).")
  String modes;

  /** The peer mode: Lucene's own late interaction, built at bench time from the encoded corpus. */
  static final String LUCENE_LIF = "lucene-lif";

  @Option(names = "--cache", paramLabel = "DIR", description = "Encoding cache for " + LUCENE_LIF
      + " (default ~/.cache/latte/encoded).")
  Path cache;

  @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "Hits per query (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--warmup", defaultValue = "50", paramLabel = "N", description = "Warm-up queries per mode, cycling through the queries, and at least "
      + "3 s per mode (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--queries", paramLabel = "N",
      description = "Use only the first N judged queries (default: all); exact search is slow on large corpora.")
  Integer limit;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON.")
  Path json;

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Also sweep nprobe and k' (xtr) and candidates (colbert) and draw nDCG@10 vs p50.")
  Path plot;

  @Option(names = "--model", paramLabel = "NAME|DIR", description = "Model (default: the one the index was built with).")
  String model;

  @Mixin SearchOptions options;

  /**
   * Milliseconds from the start of this process (JVM start) until one query of {@code mode} was
   * encoded and answered on the freshly opened index: what a user of a cold start waits for.
   */
  static double timeToFirstQueryMs(SearchEngine engine, String query, SearchMode mode, SearchParams params)
      throws java.io.IOException {
    engine.search(query, mode, null, false, params);
    long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    return System.currentTimeMillis() - start;
  }

  @Override
  public Integer call() throws Exception {
    List<String> known = new ArrayList<>(EngineModes.NAMES);
    known.add(LUCENE_LIF);
    List<String> given = modes == null ? null : BaselineModes.parse(modes, known);
    BeirDataset dataset = BeirDataset.open(datasetDir);
    io.latte.eval.beir.Qrels qrels = dataset.qrels(split);
    List<BeirQuery> queries = dataset.queries(split);
    if (limit != null) {
      if (limit < 1) {
        throw new IllegalArgumentException("--queries must be >= 1, got " + limit);
      }
      queries = queries.subList(0, Math.min(limit, queries.size()));
      var keep = queries.stream().map(BeirQuery::id).collect(java.util.stream.Collectors.toSet());
      var b = io.latte.eval.beir.Qrels.builder();
      for (String q : qrels.judgedQueries()) {
        if (keep.contains(q)) {
          qrels.judgments(q).forEach((d, g) -> b.add(q, d, g));
        }
      }
      qrels = b.build();
    }
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("the dataset has no queries for split '" + split + "'");
    }
    SearchParams params = options.params(k);
    try (SearchEngine engine = SearchEngine.open(index, model, io.latte.models.EncoderOptions.defaults())) {
      List<String> modeList = new ArrayList<>(given != null ? given : EngineModes.defaults(engine.index()));
      if (given == null) {
        modeList.add(LUCENE_LIF);
      }
      String firstMode = modeList.stream().filter(m -> !m.equals(LUCENE_LIF)).findFirst().orElse("bm25");
      double firstQueryMs = timeToFirstQueryMs(engine, queries.get(0).text(), SearchMode.parse(firstMode), params);
      System.out.printf(Locale.ROOT, "time to first query (process start → first %s query answered): %.0f ms%n",
          firstMode, firstQueryMs);
      SearchParams resolved = io.latte.searcher.RetrievalDefaults.resolve(params, engine.searcher().index());
      System.out.printf(Locale.ROOT, "search parameters: nprobe %d, k' %d, candidates %d (unset ones from the index's"
          + " statistics), fusion %s%n", resolved.nprobe(), resolved.kPrime(), resolved.candidates(),
          resolved.fusion().name().toLowerCase(Locale.ROOT));
      QuerySet qs = QuerySet.encode(queries.stream().map(BeirQuery::id).toList(),
          queries.stream().map(BeirQuery::text).toList(), engine.encoder());
      double[] enc = qs.encodeMillis();
      System.out.printf(Locale.ROOT, "%s: %d queries, index %s (%d docs); query encoding p50 %.2f ms, p95 %.2f ms%n",
          dataset.name(), qs.size(), index, engine.index().reader().numDocs(), Latency.percentile(enc, 50),
          Latency.percentile(enc, 95));
      Bencher bencher = new Bencher(qs, qrels, k, warmup);
      Map<String, ModeBench> results = new LinkedHashMap<>();
      Map<String, Double> bytesPerToken = new LinkedHashMap<>();
      var meta = engine.index().meta();
      for (String mode : modeList) {
        ModeBench b;
        if (mode.equals(LUCENE_LIF)) {
          try (LuceneLateInteraction lif = luceneLif(dataset, engine)) {
            b = bencher.measure(mode, lif.runner(qs));
            bytesPerToken.put(mode, lif.bytesPerToken());
          }
        } else {
          b = bencher.measure(mode, EngineModes.runner(engine, qs, SearchMode.parse(mode), params));
          bytesPerToken.put(mode, SearchMode.parse(mode).needsVectors()
              ? (double) meta.centroidBytes() + meta.bytesPerVector() : null);
        }
        results.put(mode, b);
        System.out.printf(Locale.ROOT, "%-10s nDCG@10 %.4f  p50 %.2f ms%n", mode, b.ndcg_cut_10(), b.p50_ms());
      }
      ModeBench exact = results.get("exact");
      if (exact != null) {
        results.replaceAll((m, b) -> b.withSpeedup(exact.mean_ms() / b.mean_ms()));
      }
      System.out.printf(Locale.ROOT, "%n%-10s %8s %8s %8s %8s %9s %9s %9s %7s%n", "mode", "nDCG@10", "p50 ms",
          "p95 ms", "p99 ms", "QPS 1t", "QPS 2t", "vs exact", "B/tok");
      for (ModeBench b : results.values()) {
        Double bpt = bytesPerToken.get(b.mode());
        System.out.printf(Locale.ROOT, "%-10s %8.4f %8.2f %8.2f %8.2f %9.1f %9.1f %9s %7s%n", b.mode(), b.ndcg_cut_10(),
            b.p50_ms(), b.p95_ms(), b.p99_ms(), b.qps_1t(), b.qps_2t(),
            b.speedup_vs_exact() == null ? "-" : String.format(Locale.ROOT, "%.1fx", b.speedup_vs_exact()),
            bpt == null ? "-" : String.format(Locale.ROOT, "%.0f", bpt));
      }
      List<CurvePoint> curve = plot == null ? List.of() : curve(engine, qs, bencher, params, results);
      double heapUsedMb = heapUsedAfterGc();
      System.out.printf(Locale.ROOT, "heap in use after the runs and a full GC: %.1f MB%n", heapUsedMb);
      if (plot != null) {
        SvgPlot.write(plot, dataset.name() + ": nDCG@10 vs p50 latency (" + engine.encoder().info().name() + ")", curve);
        System.out.println("wrote " + plot);
      }
      if (json != null) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("dataset", dataset.name());
        root.put("index", index.toString());
        root.put("model", engine.encoder().info().name());
        root.put("queries", qs.size());
        root.put("k", k);
        root.put("query_encode_p50_ms", Latency.percentile(enc, 50));
        root.put("time_to_first_query_ms", firstQueryMs);
        root.put("heap_used_mb", heapUsedMb);
        root.put("params", params);
        // nprobe, k' and candidates as the defaults rule resolved them on this index (0 in params = unset).
        root.put("resolved_params", resolved);
        root.put("modes", results);
        root.put("bytes_per_token", bytesPerToken);
        if (!curve.isEmpty()) {
          root.put("curve", curve);
        }
        Path parent = json.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), root);
        System.out.println("wrote " + json);
      }
    }
    return 0;
  }

  /** Lucene's late-interaction index over the corpus's float vectors (encoded once, then from the cache). */
  private LuceneLateInteraction luceneLif(BeirDataset dataset, SearchEngine engine) throws Exception {
    var encoder = engine.encoder();
    int maxDoc = io.latte.models.Encoders.spec(model != null ? model : engine.index().meta().model().name())
        .effectiveDocumentMaxLength(io.latte.models.EncoderOptions.defaults());
    EncodingCache encodings = cache != null ? new EncodingCache(cache) : EncodingCache.defaultLocation();
    var census = DatasetEncoding.census(dataset);
    System.out.printf(Locale.ROOT, "%s: encoding the corpus (or reading the cache) and building Lucene's"
        + " LateInteractionField index …%n", LUCENE_LIF);
    EncodedCorpus corpus = DatasetEncoding.load(dataset, census, encoder, maxDoc, encodings, false,
        io.latte.eval.encode.EncodeProgress.NONE).corpus();
    try (CloseableIterator<BeirDocument> docs = dataset.openCorpus()) {
      return new LuceneLateInteraction(docs, corpus, engine.index().meta().language());
    }
  }

  /**
   * nprobe and k' sweeps for xtr (each with the other at its setting), candidates sweep for
   * colbert, and the single points of exact / bm25 / hybrid.
   */
  /**
   * Java heap in use with the index still open, after a full collection: what the process holds
   * for the index and searcher, not what it allocated per query.
   */
  private static double heapUsedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  private List<CurvePoint> curve(SearchEngine engine, QuerySet qs, Bencher bencher, SearchParams params,
      Map<String, ModeBench> measured) throws Exception {
    List<CurvePoint> points = new ArrayList<>();
    for (int nprobe : new int[] {1, 2, 4, 8, 16, 32, 64}) {
      points.add(bencher.point("xtr", "nprobe " + nprobe,
          EngineModes.runner(engine, qs, SearchMode.XTR, params.withNprobe(nprobe))));
      System.out.printf(Locale.ROOT, "curve %s%n", points.get(points.size() - 1));
    }
    for (int kPrime : new int[] {50, 100, 250, 500, 1000, 2000}) {
      points.add(bencher.point("xtr k'", "k' " + kPrime,
          EngineModes.runner(engine, qs, SearchMode.XTR, params.withKPrime(kPrime))));
      System.out.printf(Locale.ROOT, "curve %s%n", points.get(points.size() - 1));
    }
    for (int candidates : new int[] {10, 25, 50, 100, 200, 400}) {
      points.add(bencher.point("colbert", "cand " + candidates,
          EngineModes.runner(engine, qs, SearchMode.COLBERT, params.withCandidates(candidates))));
      System.out.printf(Locale.ROOT, "curve %s%n", points.get(points.size() - 1));
    }
    for (ModeBench b : measured.values()) {
      if (!b.mode().equals("xtr") && !b.mode().equals("colbert")) {
        points.add(new CurvePoint(b.mode(), b.mode(), b.p50_ms(), b.ndcg_cut_10()));
      }
    }
    return points;
  }
}
