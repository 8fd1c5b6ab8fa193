package io.latte.server.cli;

import io.latte.engine.SearchEngine;
import io.latte.searcher.Hit;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchResult;
import io.latte.searcher.TokenMatch;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.document.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latte search}: one query against an index, with optional token-level explanations. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search an index: xtr (token retrieval), colbert, exact, bm25 or hybrid; --explain shows token matches.")
public final class SearchCommand implements Callable<Integer> {
  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path index;

  @Option(names = "--query", paramLabel = "TEXT", description = "Query text (encoded with the index's model).")
  String query;

  @Option(names = "--query-vectors", paramLabel = "JSON|FILE",
      description = "The query's token vectors instead of encoding --query: a JSON array of arrays of numbers"
          + " ([[0.1, ...], ...]) or {\"vectors\": [[...]], \"tokens\": [...]}, inline or in FILE. --query is"
          + " then optional (needed by bm25 and hybrid). How an index built with --model precomputed is searched.")
  String queryVectors;

  @Option(names = "--mode", defaultValue = "xtr", paramLabel = "MODE",
      description = "xtr, colbert, exact, bm25 or hybrid (default ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "Hits to return (default ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--filter", paramLabel = "QUERY",
      description = "Lucene-syntax filter over metadata keys and id, e.g. 'topic:volcanoes AND year:[2000 TO *]'.")
  String filter;

  @Option(names = "--explain", description = "Show, per query token, the best-matching document token and its similarity.")
  boolean explain;

  @Option(names = "--model", paramLabel = "NAME|DIR", description = "Model (default: the one the index was built with).")
  String model;

  @Mixin SearchOptions options;

  @Override
  public Integer call() throws Exception {
    if (query == null && queryVectors == null) {
      throw new IllegalArgumentException("give --query, --query-vectors, or both");
    }
    SearchMode m = SearchMode.parse(mode);
    var params = options.params(k);
    try (SearchEngine engine = SearchEngine.open(index, model, io.latte.models.EncoderOptions.defaults())) {
      long t0 = System.nanoTime();
      SearchResult r = queryVectors != null ? engine.search(QueryVectorsArgument.parse(queryVectors), query, m, filter,
          explain, params) : engine.search(query, m, filter, explain, params);
      double ms = (System.nanoTime() - t0) / 1e6;
      System.out.printf(Locale.ROOT, "%d hits in %.1f ms (%s; retrieve %.1f ms, score %.1f ms)%n", r.hits().size(), ms,
          m.label(), r.retrieveNanos() / 1e6, r.scoreNanos() / 1e6);
      if (m.needsVectors() && m != SearchMode.EXACT) {
        // What ran: the values the user left unset come from the index's statistics (RetrievalDefaults).
        System.out.printf(Locale.ROOT, "nprobe %d, k' %d, candidates %d%s%n", r.params().nprobe(), r.params().kPrime(),
            r.params().candidates(), params.resolved() ? "" : " (unset ones from the index's statistics)");
      }
      var stored = engine.index().searcher().storedFields();
      int rank = 1;
      for (Hit h : r.hits()) {
        Document d = stored.document(h.luceneDoc(), Set.of("title"));
        System.out.printf(Locale.ROOT, "%3d. %-12s %8.4f  %s%n", rank++, h.id(), h.score(), d.get("title"));
        if (explain && h.explanation() != null) {
          for (TokenMatch t : h.explanation()) {
            System.out.printf(Locale.ROOT, "       %-14s → %-16s %7.4f%s%n", t.queryText(),
                t.imputed() ? "(imputed)" : t.docText() == null ? "#" + t.docToken() : t.docText(),
                t.similarity(), t.start() >= 0 ? "  @" + t.start() : "");
          }
        }
      }
    }
    return 0;
  }
}
