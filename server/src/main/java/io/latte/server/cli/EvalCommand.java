package io.latte.server.cli;

import io.latte.eval.baseline.Bm25Baseline;
import io.latte.indexer.analysis.Bm25Languages;
import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirQuery;
import io.latte.eval.beir.CloseableIterator;
import io.latte.eval.beir.BeirDocument;
import io.latte.eval.beir.Qrels;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.harness.BaselineModes;
import io.latte.engine.SearchEngine;
import io.latte.eval.harness.EngineModes;
import io.latte.eval.harness.EvalReport;
import io.latte.eval.harness.Latency;
import io.latte.eval.harness.ModeRun;
import io.latte.eval.harness.ModeRunner;
import io.latte.eval.harness.ModeSummary;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.harness.RunExecutor;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.models.TokenEncoder;
import io.latte.searcher.SearchMode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latte eval}: every requested mode over one BEIR split, with trec_eval metrics and run files. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate retrieval modes on a BEIR dataset: prints nDCG@10, R@100, MAP, MRR@10 and latency,",
      "writes <out>/<mode>.trec and <out>/summary.json."
    })
public final class EvalCommand implements Callable<Integer> {
  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "BEIR dataset folder.")
  Path datasetDir;

  @Option(names = "--split", defaultValue = "test", paramLabel = "NAME", description = "Qrels split (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--modes", paramLabel = "LIST",
      description = "Comma-separated modes. Without --index: bm25, dense, exact over float vectors (default all three)."
          + " With --index: xtr, colbert, exact, bm25, hybrid through the searcher (default all).")
  String modes;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Evaluate the searcher's modes on this index (built from the dataset's corpus).")
  Path index;

  @Option(names = "--language", paramLabel = "CODE",
      description = "Analyzer language of mode bm25 without --index (default en). With --index, BM25 uses the"
          + " index's own language (set by 'latte index --language').")
  String language;

  @Mixin SearchOptions searchOptions;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write run files and summary.json.")
  Path out;

  @Option(names = "--search-threads", paramLabel = "N",
      description = "Queries run concurrently (default: all cores). Latency is per query under this concurrency.")
  Integer searchThreads;

  @Option(names = "--cache", paramLabel = "DIR", description = "Encoding cache folder (default ~/.cache/latte/encoded).")
  Path cache;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (index != null) {
      return evalIndex();
    }
    List<String> modeList = BaselineModes.parse(modes == null ? String.join(",", BaselineModes.NAMES) : modes,
        BaselineModes.NAMES);
    String bm25Language = Bm25Languages.normalize(language);
    BeirDataset dataset = BeirDataset.open(datasetDir);
    Qrels qrels = dataset.qrels(split);
    List<BeirQuery> queries = dataset.queries(split);
    int threads = searchThreads != null ? searchThreads : Runtime.getRuntime().availableProcessors();
    RunExecutor executor = new RunExecutor(threads);
    boolean needsVectors = modeList.contains("dense") || modeList.contains("exact");
    List<String> ids = queries.stream().map(BeirQuery::id).toList();
    List<String> texts = queries.stream().map(BeirQuery::text).toList();

    EvalReport report = new EvalReport(dataset.name(), needsVectors ? model.model : "none", qrels);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("split", split);
    settings.put("search_threads", threads);
    settings.put("language", bm25Language);
    report.put("settings", settings);
    System.out.printf("dataset %s, split %s: %d judged queries%n", dataset.name(), split, queries.size());

    QuerySet querySet = QuerySet.textOnly(ids, texts);
    EncodedCorpus corpus = null;
    if (needsVectors) {
      try (TokenEncoder encoder = model.open()) {
        corpus = encodeCorpus(dataset, encoder, report);
        querySet = QuerySet.encode(ids, texts, encoder);
        double[] ms = querySet.encodeMillis();
        System.out.printf(Locale.ROOT, "query encoding: p50 %.2f ms, mean %.2f ms%n",
            Latency.percentile(ms, 50), java.util.Arrays.stream(ms).average().orElse(0));
        report.put("query_encode_p50_ms", Latency.percentile(ms, 50));
      }
    }
    for (String mode : modeList) {
      ModeRun run;
      if (mode.equals("bm25")) {
        try (CloseableIterator<BeirDocument> docs = dataset.openCorpus();
            Bm25Baseline bm25 = new Bm25Baseline(DatasetEncoding.asIdText(docs), bm25Language)) {
          run = executor.run(mode, querySet, BaselineModes.bm25(bm25, querySet), RunEvaluator.DEFAULT_DEPTH);
        }
      } else {
        ModeRunner runner = mode.equals("dense")
            ? BaselineModes.dense(corpus, querySet)
            : BaselineModes.exact(corpus, querySet);
        run = executor.run(mode, querySet, runner, RunEvaluator.DEFAULT_DEPTH);
      }
      ModeSummary s = report.add(run, out);
      System.out.printf(Locale.ROOT, "%-6s nDCG@10 %.4f  (%.1f ms/query)%n", mode, s.measures().ndcg_cut_10(),
          s.meanLatencyMillis());
    }
    return finish(report);
  }

  /** Every requested searcher mode over the index, on the same encoded queries. */
  private int evalIndex() throws Exception {
    List<String> given = modes == null ? null : BaselineModes.parse(modes, EngineModes.NAMES);
    BeirDataset dataset = BeirDataset.open(datasetDir);
    Qrels qrels = dataset.qrels(split);
    List<BeirQuery> queries = dataset.queries(split);
    int threads = searchThreads != null ? searchThreads : Runtime.getRuntime().availableProcessors();
    var params = searchOptions.params(RunEvaluator.DEFAULT_DEPTH);
    String modelName = model.modelGiven() ? model.model : null;
    try (SearchEngine engine = SearchEngine.open(index, modelName, model.encoderOptions())) {
      List<String> modeList = given != null ? given : EngineModes.defaults(engine.index());
      EvalReport report = new EvalReport(dataset.name(), engine.encoder().info().name(), qrels);
      Map<String, Object> settings = new LinkedHashMap<>();
      settings.put("split", split);
      settings.put("index", index.toString());
      settings.put("language", engine.index().meta().language());
      settings.put("search_threads", threads);
      settings.put("params", params);
      report.put("settings", settings);
      System.out.printf("dataset %s, split %s: %d judged queries; index %s (%d docs, BM25 language %s)%n",
          dataset.name(), split, queries.size(), index, engine.index().reader().numDocs(),
          engine.index().meta().language());
      QuerySet querySet = QuerySet.encode(queries.stream().map(BeirQuery::id).toList(),
          queries.stream().map(BeirQuery::text).toList(), engine.encoder());
      report.put("query_encode_p50_ms", Latency.percentile(querySet.encodeMillis(), 50));
      RunExecutor executor = new RunExecutor(threads);
      for (String mode : modeList) {
        ModeRunner runner = EngineModes.runner(engine, querySet, SearchMode.parse(mode), params);
        ModeSummary s = report.add(executor.run(mode, querySet, runner, RunEvaluator.DEFAULT_DEPTH), out);
        System.out.printf(Locale.ROOT, "%-8s nDCG@10 %.4f  (%.1f ms/query)%n", mode, s.measures().ndcg_cut_10(),
            s.meanLatencyMillis());
      }
      return finish(report);
    }
  }

  /** Prints the table and writes summary.json (run files were written per mode). */
  private int finish(EvalReport report) throws java.io.IOException {
    System.out.println();
    System.out.print(report.table());
    if (out != null) {
      report.writeSummary(out);
      System.out.println("wrote " + out.resolve(EvalReport.SUMMARY_FILE) + " and one <mode>.trec per mode");
    }
    return 0;
  }

  private EncodedCorpus encodeCorpus(BeirDataset dataset, TokenEncoder encoder, EvalReport report) throws Exception {
    DatasetEncoding.Result r = Progress.corpus(dataset, encoder, model, cache, false);
    Map<String, Object> enc = new LinkedHashMap<>();
    enc.put("name", encoder.info().name());
    enc.put("checksum", encoder.info().checksum());
    enc.put("runtime", encoder.info().runtime());
    enc.put("documents", r.corpus().size());
    enc.put("tokens", r.tokens());
    enc.put("from_cache", r.fromCache());
    if (!r.fromCache()) {
      enc.put("docs_per_s", r.docsPerSecond());
      System.out.printf(Locale.ROOT, "encoded %d docs (%d tokens) in %.1f s: %.1f docs/s%n",
          r.corpus().size(), r.tokens(), r.seconds(), r.docsPerSecond());
    } else {
      System.out.printf("corpus vectors from cache %s (%d docs, %d tokens)%n", r.cacheFile(), r.corpus().size(),
          r.tokens());
    }
    report.put("encoder", enc);
    return r.corpus();
  }
}
