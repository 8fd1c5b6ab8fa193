package io.latte.server.cli;

import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirQuery;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.harness.Latency;
import io.latte.eval.harness.QuerySet;
import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latte encode}: show how a text is encoded, or encode a whole corpus and report throughput. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Encode a text (prints its tokens) or a BEIR corpus (fills the encoding cache and reports",
      "documents/s, tokens/s and query-encoding latency)."
    })
public final class EncodeCommand implements Callable<Integer> {
  @ArgGroup(multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--text", paramLabel = "TEXT", description = "Text to encode.")
    String text;

    @Option(names = "--dataset", paramLabel = "DIR", description = "BEIR dataset folder whose corpus to encode.")
    Path dataset;
  }

  @Option(names = "--query", description = "With --text: encode as a query (default: as a document).")
  boolean query;

  @Option(names = "--cache", paramLabel = "DIR", description = "Encoding cache folder (default ~/.cache/latte/encoded).")
  Path cache;

  @Option(names = "--force", description = "With --dataset: re-encode even when the cache has the corpus.")
  boolean force;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    try (TokenEncoder encoder = model.open()) {
      var info = encoder.info();
      System.out.printf("model %s, dim %d, %s, sha256 %s…%n", info.name(), info.dim(), info.runtime(),
          info.checksum().substring(0, 12));
      if (input.text != null) {
        printTokens(query ? encoder.encodeQuery(input.text) : encoder.encodeDocuments(List.of(input.text)).get(0));
      } else {
        encodeDataset(encoder);
      }
    }
    return 0;
  }

  private static void printTokens(EncodedText e) {
    System.out.printf("%d tokens%n%5s  %-18s %9s  %s%n", e.length(), "#", "token", "offsets", "norm");
    for (int i = 0; i < e.length(); i++) {
      double norm = 0;
      for (float v : e.vectors()[i]) {
        norm += v * v;
      }
      String offsets = e.starts()[i] < 0 ? "-" : e.starts()[i] + ".." + e.ends()[i];
      System.out.printf("%5d  %-18s %9s  %.4f%n", i, e.tokens()[i], offsets, Math.sqrt(norm));
    }
  }

  private void encodeDataset(TokenEncoder encoder) throws Exception {
    BeirDataset dataset = BeirDataset.open(input.dataset);
    DatasetEncoding.Result result = Progress.corpus(dataset, encoder, model, cache, force);
    if (result.fromCache()) {
      System.out.printf("corpus: %d docs, %d tokens, already in cache %s (use --force to re-encode)%n",
          result.corpus().size(), result.tokens(), result.cacheFile());
    } else {
      System.out.printf("corpus: %d docs, %d tokens in %.1f s: %.1f docs/s, %.0f tokens/s (%d threads, batch %d) -> %s%n",
          result.corpus().size(), result.tokens(), result.seconds(), result.docsPerSecond(),
          result.tokensPerSecond(), model.encoderOptions().threads(), model.encoderOptions().batchSize(),
          result.cacheFile());
    }
    List<BeirQuery> queries = dataset.queries();
    List<BeirQuery> sample = queries.subList(0, Math.min(300, queries.size()));
    QuerySet encoded = QuerySet.encode(
        sample.stream().map(BeirQuery::id).toList(), sample.stream().map(BeirQuery::text).toList(), encoder);
    double[] ms = encoded.encodeMillis();
    System.out.printf("query encoding over %d queries: p50 %.2f ms, p95 %.2f ms, mean %.2f ms%n",
        ms.length, Latency.percentile(ms, 50), Latency.percentile(ms, 95),
        java.util.Arrays.stream(ms).average().orElse(0));
  }
}
