package io.latte.server.cli;

import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirQuery;
import io.latte.eval.compression.CompressionStudy;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.harness.BaselineModes;
import io.latte.eval.harness.ModeRunner;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.harness.RunExecutor;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.eval.baseline.ExactMaxSim;
import io.latte.eval.baseline.Rankings;
import io.latte.indexer.codebook.Codebook;
import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latte compression}: exact-MaxSim quality of each compression setting against float vectors. */
@Command(
    name = "compression",
    mixinStandardHelpOptions = true,
    description = {
      "Measure what compression costs: for each (bits, dims) setting, train a codebook on the encoded corpus,",
      "compress and decompress every token, and compare exhaustive exact MaxSim nDCG@10 with the float vectors."
    })
public final class CompressionCommand implements Callable<Integer> {
  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "BEIR dataset folder.")
  Path datasetDir;

  @Option(names = "--split", defaultValue = "test", paramLabel = "NAME", description = "Qrels split (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--bits", defaultValue = "1,2,4", split = ",", paramLabel = "LIST", description = "Residual bits to try (default ${DEFAULT-VALUE}).")
  int[] bits;

  @Option(names = "--dims", defaultValue = "0,128", split = ",", paramLabel = "LIST", description = "Projection dims to try, 0 = none (default ${DEFAULT-VALUE}).")
  int[] dims;

  @Option(names = "--centroids", defaultValue = "0", paramLabel = "N", description = "Centroids (default 0 = the indexer's automatic rule).")
  int centroids;

  @Option(names = "--sample-tokens", defaultValue = "262144", paramLabel = "N", description = "Codebook training sample (default ${DEFAULT-VALUE}).")
  int sampleTokens;

  @Option(names = "--cache", paramLabel = "DIR", description = "Encoding cache folder (default ~/.cache/latte/encoded).")
  Path cache;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    BeirDataset dataset = BeirDataset.open(datasetDir);
    var qrels = dataset.qrels(split);
    List<BeirQuery> queries = dataset.queries(split);
    int threads = Runtime.getRuntime().availableProcessors();
    EncodedCorpus corpus;
    QuerySet qs;
    try (TokenEncoder encoder = model.open()) {
      corpus = Progress.corpus(dataset, encoder, model, cache, false).corpus();
      qs = QuerySet.encode(queries.stream().map(BeirQuery::id).toList(), queries.stream().map(BeirQuery::text).toList(),
          encoder);
    }
    RunExecutor executor = new RunExecutor(threads);
    double floatNdcg = ndcg(executor, qs, BaselineModes.exact(corpus, qs), qrels);
    System.out.printf(Locale.ROOT, "%s: %d docs, %d tokens, %d-d; float exact MaxSim nDCG@10 %.4f (%d B/token as float32)%n",
        dataset.name(), corpus.size(), corpus.totalTokens(), corpus.dim(), floatNdcg, 4 * corpus.dim());
    System.out.printf(Locale.ROOT, "%5s %5s %9s %9s %8s %10s %10s %8s %8s%n", "bits", "dims", "centroids", "nDCG@10",
        "loss", "codes B/t", "index B/t", "train s", "encode s");
    for (int d : dims) {
      for (int b : bits) {
        CompressionStudy.Compressed cmp = CompressionStudy.compress(corpus, b, d, centroids, sampleTokens, threads);
        double n = ndcg(executor, qs, projectedExact(cmp.decoded(), cmp.codebook(), qs), qrels);
        System.out.printf(Locale.ROOT, "%5d %5d %9d %9.4f %8.4f %10d %10.1f %8.1f %8.1f%n", b,
            cmp.codebook().dim(), cmp.codebook().numCentroids(), n, floatNdcg - n, cmp.codebook().bytesPerVector(),
            cmp.indexBytesPerToken(), cmp.trainSeconds(), cmp.encodeSeconds());
      }
    }
    return 0;
  }

  private static double ndcg(RunExecutor executor, QuerySet qs, ModeRunner runner, io.latte.eval.beir.Qrels qrels)
      throws Exception {
    return RunEvaluator.defaults().evaluate(executor.run("x", qs, runner, 100).run(), qrels).mean().ndcg_cut_10();
  }

  /** Exact MaxSim over decoded vectors, queries projected into the codebook's space. */
  private static ModeRunner projectedExact(EncodedCorpus decoded, Codebook cb, QuerySet qs) {
    ExactMaxSim exact = new ExactMaxSim(decoded);
    return (q, depth) -> {
      EncodedText e = qs.encoded(q);
      float[] flat = new float[e.length() * cb.dim()];
      for (int i = 0; i < e.length(); i++) {
        System.arraycopy(cb.project(e.vectors()[i]), 0, flat, i * cb.dim(), cb.dim());
      }
      return Rankings.top(exact.scoreAll(flat, e.length()), depth, decoded::id);
    };
  }

}
