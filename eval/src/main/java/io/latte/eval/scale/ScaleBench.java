package io.latte.eval.scale;

import io.latte.engine.SearchEngine;
import io.latte.eval.harness.EngineModes;
import io.latte.eval.harness.ModeRun;
import io.latte.eval.harness.ModeRunner;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.harness.RunExecutor;
import io.latte.eval.metrics.ScoredDoc;
import io.latte.indexer.build.BuildListener;
import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.BuildSummary;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.models.EncodedText;
import io.latte.models.EncoderOptions;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One size of the scale benchmark: builds an index from a {@link VectorCorpus} through the real
 * indexer path (the precomputed-vector embedder, codebook training, the final merge), opens it,
 * computes (or reads from the cache) the exact MaxSim top 10 of every query, and measures xtr and
 * colbert against it.
 *
 * <p><b>Defaults that depend on the corpus size</b> are the engine's own, not chosen per run:
 * centroids = {@code 2^floor(log2(4·√tokens))} ({@code CodebookTrainer.autoNumCentroids}, tokens
 * estimated from the training sample), capped so that every centroid has at least 32 training
 * vectors (the default 2^18-vector sample caps it at 8 192); nprobe, k' and colbert's candidates
 * follow from the index's statistics ({@code RetrievalDefaults}), as in every search that leaves
 * them unset. The run reports what was chosen.
 */
public final class ScaleBench {
  /** The modes measured by default, in order. */
  public static final List<SearchMode> MODES = List.of(SearchMode.XTR, SearchMode.COLBERT);

  /**
   * @param workDir where indexes and the ground-truth cache go
   * @param threads threads for the exact ground truth (all cores by default)
   * @param warmupSeconds minimum warm-up per mode before timing
   * @param muvera give documents MUVERA encodings (off: neither measured mode uses them, and their
   *     HNSW graph costs ≈ 4 KiB per document)
   * @param modes the modes to measure; {@code exact} here is the engine's exact mode, MaxSim over the
   *     index's compressed vectors, so its recall against the float oracle is the ceiling that
   *     quantisation leaves to colbert (it scans every document: small sizes only)
   */
  public record Settings(Path workDir, int threads, double warmupSeconds, boolean muvera, List<SearchMode> modes) {
    public Settings(Path workDir, int threads, double warmupSeconds, boolean muvera) {
      this(workDir, threads, warmupSeconds, muvera, MODES);
    }
  }

  private final QuerySet queries;
  private final List<float[][]> queryVectors;
  private final Settings settings;

  public ScaleBench(QuerySet queries, Settings settings) {
    this.queries = queries;
    this.settings = settings;
    List<float[][]> v = new ArrayList<>(queries.size());
    for (int q = 0; q < queries.size(); q++) {
      EncodedText e = queries.encoded(q);
      v.add(e.vectors());
    }
    this.queryVectors = v;
  }

  /** The exact top 10 per query over {@code corpus} (cached under the work directory). */
  public List<List<String>> truth(VectorCorpus corpus) throws IOException {
    return ExactTopK.topK(corpus, queryVectors, 10, settings.threads(), settings.workDir().resolve("truth"));
  }

  /** Builds, opens and measures {@code corpus} in {@code workDir/<name>} (replaced if present). */
  public ScaleRun run(VectorCorpus corpus, String name) throws IOException {
    Path dir = settings.workDir().resolve(name);
    deleteTree(dir);
    Files.createDirectories(settings.workDir());
    double[] mergeSeconds = {0};
    BuildListener listener = new BuildListener() {
      @Override
      public void onMerged(int segments, double seconds) {
        mergeSeconds[0] = seconds;
      }
    };
    BuildOptions options = BuildOptions.builder().expectedDocuments(corpus.documents())
        .muvera(settings.muvera() ? io.latte.indexer.muvera.FdeConfig.defaults() : null).build();
    BuildSummary built;
    try (var source = corpus.source()) {
      built = IndexBuilder.build(dir, source,
          TokenEmbedder.precomputed(ModelIdentity.precomputed("synthetic", corpus.dim())), options, listener);
    }
    long bytes = sizeOf(dir);

    long t0 = System.nanoTime();
    List<List<String>> truth = truth(corpus);
    double truthSeconds = (System.nanoTime() - t0) / 1e9;

    SearchParams params = SearchParams.defaults();
    long o0 = System.nanoTime();
    try (SearchEngine engine = SearchEngine.open(dir, null, EncoderOptions.defaults())) {
      double openSeconds = (System.nanoTime() - o0) / 1e9;
      Map<String, ModeScale> modes = new LinkedHashMap<>();
      for (SearchMode mode : settings.modes()) {
        modes.put(mode.label(), measure(EngineModes.runner(engine, queries, mode, params), mode.label(), truth));
      }
      double heapMb = heapAfterGc();
      // What the defaults rule chose for this index (the modes ran with the same, resolved per query).
      SearchParams chosen = io.latte.searcher.RetrievalDefaults.resolve(params, engine.searcher().index());
      return new ScaleRun(built.tokensWritten(), built.documentsWritten(), built.seconds(),
          built.tokensWritten() / built.seconds(), built.trainingSeconds(), mergeSeconds[0], bytes,
          (double) bytes / Math.max(1, built.tokensWritten()), heapMb, peakRssMb(), openSeconds,
          truthSeconds, built.numCentroids(), chosen.nprobe(), chosen.kPrime(), chosen.candidates(), modes);
    }
  }

  private ModeScale measure(ModeRunner runner, String mode, List<List<String>> truth) throws IOException {
    long end = System.nanoTime() + (long) (settings.warmupSeconds() * 1e9);
    for (int i = 0; i < queries.size() || System.nanoTime() < end; i++) {
      runner.search(i % queries.size(), 10);
    }
    long t0 = System.nanoTime();
    ModeRun one = new RunExecutor(1).run(mode, queries, runner, 10);
    double wall1 = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    new RunExecutor(2).run(mode, queries, runner, 10);
    double wall2 = (System.nanoTime() - t1) / 1e9;
    return new ModeScale(one.percentileMillis(50), one.percentileMillis(95), one.meanLatencyMillis(),
        queries.size() / wall1, queries.size() / wall2, recallAt10(one, truth));
  }

  /** Mean over queries of |exact top 10 ∩ mode's top 10| / |exact top 10|. */
  double recallAt10(ModeRun run, List<List<String>> truth) {
    double sum = 0;
    for (int q = 0; q < queries.size(); q++) {
      List<String> exact = truth.get(q);
      Set<String> found = new HashSet<>();
      for (ScoredDoc d : run.run().getOrDefault(queries.id(q), List.of())) {
        if (found.size() < 10) {
          found.add(d.docId());
        }
      }
      long hit = exact.stream().filter(found::contains).count();
      sum += exact.isEmpty() ? 1 : (double) hit / exact.size();
    }
    return sum / queries.size();
  }

  /** Heap in use after two full collections, in MB. */
  static double heapAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** VmHWM of /proc/self/status in MB, or -1 where there is none (not Linux). */
  public static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) / 1024.0; // kB
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
