package io.latte.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.stats.IndexStats;
import io.latte.indexer.stats.IndexStatsCollector;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latte stats}: what an index holds and what it costs per token. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Documents, tokens, centroids, dimensions, bits, bytes per token by structure",
      "and total size of an index, and how well its codebook fits recent tokens."
    })
public final class StatsCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path index;

  @Option(names = "--json", description = "Print JSON (keys include documents, tokens, dim, bits, bytes_per_token, size_bytes).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    IndexStats s;
    io.latte.searcher.SearchParams rule;
    try (LatteIndex idx = LatteIndex.open(index)) {
      s = IndexStatsCollector.collect(idx);
      // What a search that leaves nprobe, k' and candidates unset runs with on this index.
      rule = io.latte.searcher.RetrievalDefaults.resolve(io.latte.searcher.SearchParams.defaults(),
          io.latte.searcher.IndexHandle.of(idx));
    }
    if (json) {
      Map<String, Object> out = new java.util.LinkedHashMap<>(s.toJsonMap());
      out.put("search_defaults", Map.of("nprobe", rule.nprobe(), "k_prime", rule.kPrime(), "candidates", rule.candidates()));
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
      return 0;
    }
    System.out.printf(Locale.ROOT, "index %s: model %s, %d documents (%d deleted), %d tokens, %d segments%n",
        index, s.model(), s.documents(), s.deletedDocuments(), s.tokens(), s.segments());
    System.out.printf(Locale.ROOT, "codebook: %d centroids (%d used), dim %d%s, %d bits/dim = %d B of codes per token%n",
        s.numCentroids(), s.centroidsUsed(), s.dim(), s.dim() != s.inputDim() ? " (PCA from " + s.inputDim() + ")" : "",
        s.bits(), s.bytesPerVector());
    System.out.printf(Locale.ROOT, "size %s = %.1f B/token (float32 LateInteractionField: %d B/token)%n",
        human(s.sizeBytes()), s.bytesPerToken(), s.float32BytesPerToken());
    var perToken = s.bytesPerTokenByStructure();
    s.bytesByStructure().forEach((k, v) ->
        System.out.printf(Locale.ROOT, "  %-18s %8.1f B/token %10s%n", k, perToken.get(k), human(v)));
    var f = s.fit();
    System.out.printf(Locale.ROOT, "codebook fit (mean squared error): training sample %.5f, original %.5f (%d tokens),"
            + " recent %.5f (%d tokens): %s%n",
        f.trainingError(), f.original().meanSquaredError(), f.original().tokens(), f.recent().meanSquaredError(),
        f.recent().tokens(), f.verdict());
    System.out.printf(Locale.ROOT, "search defaults from these statistics: nprobe %d, k' %d, candidates %d%n",
        rule.nprobe(), rule.kPrime(), rule.candidates());
    return 0;
  }

  private static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double v = bytes;
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
