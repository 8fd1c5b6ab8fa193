package io.latte.eval.regress;

import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirDocument;
import io.latte.eval.beir.BeirQuery;
import io.latte.eval.beir.CloseableIterator;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.encode.EncodeProgress;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.encode.EncodingCache;
import io.latte.engine.EncoderEmbedder;
import io.latte.eval.harness.TempFolders;
import io.latte.eval.harness.BaselineModes;
import io.latte.eval.harness.EngineModes;
import io.latte.eval.harness.EvalReport;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.harness.RunExecutor;
import io.latte.eval.metrics.Measures;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.read.LatteIndex;
import io.latte.models.TokenEncoder;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LatteSearcher;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one {@link RegressionSpec}: encodes the corpus (or reads it from the encoding cache), scores
 * float exact MaxSim over those vectors as the reference, builds the index from the same vectors
 * (no second encoding) or reuses one built earlier with the same inputs and settings, and runs every
 * mode through the searcher with default parameters.
 */
public final class RegressionRunner {
  /** The reference row: exhaustive MaxSim over the uncompressed vectors. */
  public static final String FLOAT_EXACT = "float-exact";

  private static final String COMPLETE = "complete";

  /**
   * @param measures per mode (float exact first), the mean measures over the judged queries
   * @param indexDir the index the modes searched
   * @param reused whether it was built by an earlier run
   * @param bytesPerToken centroid id + residual code bytes per token
   */
  public record Result(RegressionSpec spec, Map<String, Measures> measures, Path indexDir, boolean reused,
      int documents, long tokens, int bytesPerToken) {}

  private final TokenEncoder encoder;
  private final int maxDocumentTokens;
  private final EncodingCache cache;
  private final Path indexRoot;
  private final int threads;
  private final PrintStream log;

  /**
   * @param maxDocumentTokens the encoder's effective document length (part of the cache key)
   * @param indexRoot where indexes are kept between runs, one folder per (spec, inputs, settings)
   * @param log progress lines
   */
  public RegressionRunner(TokenEncoder encoder, int maxDocumentTokens, EncodingCache cache, Path indexRoot,
      int threads, PrintStream log) {
    this.encoder = encoder;
    this.maxDocumentTokens = maxDocumentTokens;
    this.cache = cache;
    this.indexRoot = indexRoot;
    this.threads = threads;
    this.log = log;
  }

  /** Runs {@code spec}, whose dataset path is relative to {@code root}. */
  public Result run(RegressionSpec spec, Path root) throws IOException {
    BeirDataset dataset = BeirDataset.open(root.resolve(spec.dataset()).normalize());
    DatasetEncoding.Census census = DatasetEncoding.census(dataset);
    log.printf(Locale.ROOT, "%s: %d documents, encoding or reading the cache …%n", spec.name(), census.documents());
    EncodedCorpus corpus = DatasetEncoding.load(dataset, census, encoder, maxDocumentTokens, cache, false,
        EncodeProgress.NONE).corpus();
    List<BeirQuery> queries = dataset.queries(spec.split());
    QuerySet qs = QuerySet.encode(queries.stream().map(BeirQuery::id).toList(),
        queries.stream().map(BeirQuery::text).toList(), encoder);
    EvalReport report = new EvalReport(spec.name(), encoder.info().name(), dataset.qrels(spec.split()));
    RunExecutor executor = new RunExecutor(threads);
    Map<String, Measures> measures = new LinkedHashMap<>();
    measures.put(FLOAT_EXACT, report.add(executor.run(FLOAT_EXACT, qs, BaselineModes.exact(corpus, qs),
        RunEvaluator.DEFAULT_DEPTH), null).measures());

    Path dir = indexRoot.resolve(spec.name() + "-" + key(spec, census));
    boolean reused = Files.exists(dir.resolve(COMPLETE));
    if (!reused) {
      build(spec, dataset, corpus, dir);
    }
    ModelIdentity model = EncoderEmbedder.identity(encoder);
    try (LatteIndex index = LatteIndex.open(dir.resolve("index"), model)) {
      LatteSearcher searcher = new LatteSearcher(IndexHandle.of(index));
      for (String mode : spec.modes()) {
        var runner = EngineModes.runner(searcher, qs, SearchMode.parse(mode), SearchParams.defaults());
        measures.put(mode, report.add(executor.run(mode, qs, runner, RunEvaluator.DEFAULT_DEPTH), null).measures());
      }
      var meta = index.meta();
      return new Result(spec, measures, dir, reused, corpus.size(), corpus.totalTokens(),
          meta.centroidBytes() + meta.bytesPerVector());
    }
  }

  /**
   * The index folder's key: everything its content depends on, the on-disk format version included
   * (a folder kept by an older latte would otherwise be reused and refused on open).
   */
  private String key(RegressionSpec spec, DatasetEncoding.Census census) {
    var s = spec.index();
    String all = String.join("|", "format " + io.latte.indexer.format.LatteIndexFormat.FORMAT_VERSION,
        "codebook " + io.latte.indexer.codebook.Codebook.FORMAT_VERSION, encoder.info().name(), encoder.info().checksum(), "" + maxDocumentTokens,
        census.fingerprint(), "" + s.bits(), "" + s.dims(), "" + s.centroids(), "" + s.language(), "" + s.muvera(),
        "token-scale " + (s.token_scale() == null || s.token_scale()));
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void build(RegressionSpec spec, BeirDataset dataset, EncodedCorpus corpus, Path dir) throws IOException {
    TempFolders.deleteTree(dir);
    Files.createDirectories(dir);
    List<SourceDocument> docs = new ArrayList<>(corpus.size());
    try (CloseableIterator<BeirDocument> it = dataset.openCorpus()) {
      long line = 0;
      while (it.hasNext()) {
        BeirDocument d = it.next();
        docs.add(new SourceDocument(d.id(), d.title(), d.text(), Map.of(), spec.dataset(), ++line));
      }
    }
    ModelIdentity model = EncoderEmbedder.identity(encoder);
    // The cached vectors, not a second encoding (no token strings: explanations are not needed here).
    TokenEmbedder cached = TokenEmbedder.replaying(model, d -> {
      int doc = corpus.ordinal(d.id());
      // A document the encoder left out has no vectors: the builder skips it as a bad document.
      return doc < 0 ? new DocumentVectors(d, new float[0], 0)
          : new DocumentVectors(d, corpus.tokens(doc), corpus.tokenCount(doc));
    });
    var s = spec.index();
    BuildOptions options = BuildOptions.builder()
        .bits(s.bits()).projectionDim(s.dims()).numCentroids(s.centroids()).language(s.language())
        .muvera(s.muvera() ? FdeConfig.defaults() : null)
        .tokenScale(s.token_scale())
        .expectedDocuments(docs.size()).encodeThreads(1).resume(false)
        .build();
    long t0 = System.nanoTime();
    try (DocumentSource source = DocumentSource.of(null, docs)) {
      IndexBuilder.build(dir.resolve("index"), source, cached, options, null);
    }
    Files.writeString(dir.resolve(COMPLETE), "");
    log.printf(Locale.ROOT, "%s: built %s in %.1f s%n", spec.name(), dir, (System.nanoTime() - t0) / 1e9);
  }
}
