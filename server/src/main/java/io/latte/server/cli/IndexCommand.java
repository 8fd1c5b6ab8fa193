package io.latte.server.cli;

import io.latte.indexer.build.BuildListener;
import io.latte.indexer.analysis.Bm25Languages;
import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.BuildSummary;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.CommitData;
import io.latte.indexer.input.BadDocument;
import io.latte.indexer.input.BadDocumentPolicy;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.TokenEmbedder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code latte index}: build an index from a corpus, or add to / update an existing one. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index a corpus.jsonl[.gz] (or a BEIR dataset folder): encode every document",
      "and store its token vectors compressed (centroid + residual codes) in a Lucene",
      "index with BM25 text and metadata filters. On an existing index, adds documents",
      "(the same _id replaces) with the index's codebook and model. An interrupted run",
      "over the same corpus resumes after its last commit. Documents that bring their",
      "token vectors (a \"vectors\" field, or --vectors FILE) are not encoded; with",
      "--model precomputed[:NAME] no model is loaded and every document must bring them."
    })
public final class IndexCommand implements Callable<Integer> {

  /** Documents per encoder call; the encoder sorts a call by length, so larger calls pad less. */
  static final int EMBED_BATCH = 64;

  /** Skipped documents printed at the end (all of them go to --bad-docs-report). */
  static final int PRINTED_BAD_DOCUMENTS = 20;

  @Option(names = "--corpus", paramLabel = "FILE|DIR",
      description = "corpus.jsonl or corpus.jsonl.gz, or a BEIR dataset folder holding one. A line may bring"
          + " its token vectors (\"vectors\": [[...], ...], optional \"tokens\" and \"offsets\"): it is not encoded.")
  Path corpus;

  @Option(names = "--vectors", paramLabel = "FILE",
      description = "Binary token-vectors file (LATTEVEC, see the README): the documents' vectors, not encoded."
          + " Alone, or with --corpus (one record per non-blank corpus line, same _id, same order).")
  Path vectors;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory (created if missing).")
  Path index;

  @Option(names = "--bits", paramLabel = "1|2|4",
      description = "Residual bits per dimension for a new index (default 2).")
  Integer bits;

  @Option(names = "--dims", paramLabel = "N",
      description = "Project token vectors to N dimensions with PCA (new index; default: none).")
  Integer dims;

  @Option(names = "--token-scale", negatable = true, paramLabel = "",
      description = "New index: store one scale byte per token that corrects the length of its decoded vector "
          + "(closes most of the gap between compressed and float exact MaxSim, docs/BENCHMARKS.md §20). "
          + "Default on; --no-token-scale saves the byte.")
  Boolean tokenScale;

  @Option(names = "--centroids", paramLabel = "N",
      description = "Number of centroids for a new index (default: 2^floor(log2(4·√tokens)), at least 32 sample tokens each).")
  Integer centroids;

  @Option(names = "--sample-tokens", paramLabel = "N", defaultValue = "" + BuildOptions.DEFAULT_SAMPLE_TOKENS,
      description = "Token vectors to train the codebook on (default ${DEFAULT-VALUE}).")
  int sampleTokens;

  @Option(names = "--commit-every", paramLabel = "DOCS", defaultValue = "10000",
      description = "Commit every DOCS documents (default ${DEFAULT-VALUE}).")
  int commitEvery;

  @Option(names = "--commit-seconds", paramLabel = "S", defaultValue = "60",
      description = "...and at least every S seconds (default ${DEFAULT-VALUE}).")
  double commitSeconds;

  @Option(names = "--on-bad-doc", paramLabel = "skip|stop", defaultValue = "skip",
      description = "A document that cannot be indexed is skipped and reported (default), or stops the run.")
  String onBadDoc;

  @Option(names = "--bad-docs-report", paramLabel = "FILE",
      description = "Write every skipped document (file, line, reason) to FILE.")
  Path badDocsReport;

  @Option(names = "--no-resume",
      description = "Re-index the whole corpus even if an interrupted run over it can be resumed.")
  boolean noResume;

  @Option(names = "--assign-probes", paramLabel = "N", defaultValue = "" + BuildOptions.DEFAULT_ASSIGN_PROBES,
      description = "Centroid assignment: two-level search probing N groups (default ${DEFAULT-VALUE}); 0 = exact (slower).")
  int assignProbes;

  @Option(names = "--merge-to", paramLabel = "N", defaultValue = "" + BuildOptions.DEFAULT_MERGE_TO_SEGMENTS,
      description = "A new index is merged down to at most N segments at the end (default ${DEFAULT-VALUE}: token"
          + " retrieval is fastest on one); 0 = keep the segments of the periodic commits.")
  int mergeTo;

  @Option(names = "--no-muvera",
      description = "Do not give documents MUVERA encodings (a new index; saves ≈ 4 KiB per document, disables mode muvera).")
  boolean noMuvera;

  @Option(names = "--language", paramLabel = "CODE",
      description = "Language of the BM25 field's analyzer for a new index, also used for queries (default "
          + Bm25Languages.DEFAULT + "; e.g. es, ru, tr, de, zh, ja, icu; an unknown code lists the known ones)."
          + " On an existing index: leave out, or give the index's own.")
  String language;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    BadDocumentPolicy policy = switch (onBadDoc.toLowerCase(Locale.ROOT)) {
      case "skip" -> BadDocumentPolicy.SKIP;
      case "stop" -> BadDocumentPolicy.STOP;
      default -> throw new IllegalArgumentException("--on-bad-doc must be skip or stop, got '" + onBadDoc + "'");
    };
    IndexInput input = IndexInput.resolve(corpus, vectors, index, model);
    long records = input.records;
    BuildOptions options = BuildOptions.builder()
        .bits(bits == null ? 0 : bits)
        .projectionDim(dims == null ? 0 : dims)
        .tokenScale(tokenScale)
        .numCentroids(centroids == null ? 0 : centroids)
        .sampleTokens(sampleTokens)
        .expectedDocuments(records)
        .batchSize(EMBED_BATCH)
        .commitEveryDocs(commitEvery)
        .commitEverySeconds(commitSeconds)
        .badDocuments(policy)
        .maxReportedBadDocuments(PRINTED_BAD_DOCUMENTS)
        .assignProbes(assignProbes)
        .resume(!noResume)
        .mergeToSegments(mergeTo)
        .encodeThreads(model.workers())
        .muvera(noMuvera ? null : io.latte.indexer.muvera.FdeConfig.defaults())
        .language(language)
        .build();
    BuildSummary s;
    BarListener listener;
    try (input; DocumentSource source = IndexInput.open(corpus, vectors);
        PrintWriter report = badDocsReport == null ? null
            : new PrintWriter(Files.newBufferedWriter(badDocsReport, StandardCharsets.UTF_8))) {
      TokenEmbedder embedder = input.embedder;
      System.out.printf(Locale.ROOT, "indexing %s (%d records) into %s%nmodel %s, %s, %d encoder workers; bits %s, dims %s, centroids %s,"
              + " commit every %d docs / %.0f s, bad documents: %s%n",
          input.description, records, index, embedder.model().describe(), embedder.model().runtime(), options.encodeThreads(),
          bits == null ? "default/index" : bits, dims == null ? "none/index" : dims,
          centroids == null ? "auto/index" : centroids, commitEvery, commitSeconds, policy.name().toLowerCase(Locale.ROOT));
      try (ProgressBar bar = Progress.bar("index", records, "docs")) {
        listener = new BarListener(bar, report);
        s = IndexBuilder.build(index, source, embedder, options, listener);
      }
    }
    printSummary(s);
    if (input.embedder.encodesText() && vectors == null) {
      printThroughput(s, listener); // the training sample times the encoder only when it encodes
    }
    if (listener.mergedFrom > 0) {
      System.out.printf(Locale.ROOT, "merged %d segments into %d in %.1f s (--merge-to)%n",
          listener.mergedFrom, listener.mergedInto, listener.mergeSeconds);
    }
    return 0;
  }

  /**
   * The pipeline's throughput against the encoder alone, both measured in this run: a new index
   * encodes its training sample before writing anything, so that phase times the bare encoder.
   */
  private static void printThroughput(BuildSummary s, BarListener l) {
    double alone = l.encoderAloneDocsPerSecond;
    if (!s.created() || Double.isNaN(alone) || s.documentsWritten() == 0) {
      return;
    }
    double pipeline = s.documentsWritten() / Math.max(s.seconds() - s.trainingSeconds(), 1e-9);
    System.out.printf(Locale.ROOT, "throughput: encoder alone %.1f docs/s (training sample); whole build without"
        + " codebook training %.1f docs/s = %.0f%% of the encoder alone%n", alone, pipeline, 100 * pipeline / alone);
  }

  private void printSummary(BuildSummary s) throws Exception {
    System.out.printf(Locale.ROOT, "%s %s: %d documents written (%d tokens) in %.1f s: %.1f docs/s, %.0f tokens/s; %d commits%n",
        s.created() ? "created" : "updated", index, s.documentsWritten(), s.tokensWritten(), s.seconds(),
        s.documentsWritten() / Math.max(s.seconds(), 1e-9), s.tokensWritten() / Math.max(s.seconds(), 1e-9), s.commits());
    if (s.resumedAfterLine() > 0) {
      System.out.printf("resumed an interrupted run after line %d%n", s.resumedAfterLine());
    }
    if (s.created()) {
      System.out.printf(Locale.ROOT, "codebook: %d centroids, trained in %.1f s%n", s.numCentroids(), s.trainingSeconds());
    }
    System.out.printf(Locale.ROOT, "codebook fit on these tokens: mean squared error %.5f (relative %.4f)%n",
        s.fit().meanSquaredError(), s.fit().relativeError());
    if (s.badDocuments() > 0) {
      System.out.printf("skipped %d bad document%s:%n", s.badDocuments(), s.badDocuments() == 1 ? "" : "s");
      s.reportedBadDocuments().stream().limit(PRINTED_BAD_DOCUMENTS).forEach(b -> System.out.println("  " + b.message()));
      if (s.badDocuments() > PRINTED_BAD_DOCUMENTS) {
        System.out.printf("  … and %d more%n", s.badDocuments() - PRINTED_BAD_DOCUMENTS);
      }
      if (badDocsReport != null) {
        System.out.println("all skipped documents: " + badDocsReport);
      }
    }
  }

  /**
   * Drives the progress bar (input lines handled: written, skipped or resumed; tokens/s; commits) and
   * streams skipped documents to the report file, so memory does not grow with their number.
   */
  private static final class BarListener implements BuildListener {
    private final ProgressBar bar;
    private final PrintWriter report;
    private final long start = System.nanoTime();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong encoded = new AtomicLong();
    private volatile boolean writing;
    private volatile long committed;
    /** Docs/s of the encoder alone: the training sample is encoded before anything is written. */
    private volatile double encoderAloneDocsPerSecond = Double.NaN;
    private volatile int mergedFrom;
    private volatile int mergedInto;
    private volatile double mergeSeconds;

    BarListener(ProgressBar bar, PrintWriter report) {
      this.bar = bar;
      this.report = report;
    }

    @Override
    public void onResume(long line, long alreadyWritten) {
      bar.stepTo(line);
      bar.setExtraMessage(" resuming after line " + line);
    }

    @Override
    public void onTrainingStart(long sampleTokens, long sampleDocuments, int numCentroids, long estimatedTokens) {
      encoderAloneDocsPerSecond = sampleDocuments / Math.max((System.nanoTime() - start) / 1e9, 1e-9);
      bar.setExtraMessage(String.format(Locale.ROOT, " training %d centroids on %d tokens…", numCentroids, sampleTokens));
    }

    @Override
    public void onTrained(Codebook codebook, double seconds) {
      bar.setExtraMessage(String.format(Locale.ROOT, " codebook trained in %.1f s", seconds));
    }

    @Override
    public void onEncoded(int documents, long t) {
      long n = encoded.addAndGet(documents);
      if (!writing) {
        // A new index encodes its training sample before anything is written.
        bar.setExtraMessage(" encoding the training sample: " + n + " docs");
      }
    }

    @Override
    public void onWritten(int documents, long t) {
      writing = true;
      long all = tokens.addAndGet(t);
      bar.stepBy(documents);
      double secs = (System.nanoTime() - start) / 1e9;
      bar.setExtraMessage(String.format(Locale.ROOT, " %.0f tok/s, %d committed", all / Math.max(secs, 1e-9), committed));
    }

    @Override
    public void onCommit(CommitData data) {
      committed = data.written();
    }

    @Override
    public void onBadDocument(BadDocument bad) {
      bar.stepBy(1);
      if (report != null) {
        report.println(bad.message());
      }
    }

    @Override
    public void onMerging(int segments, int target) {
      mergedFrom = segments;
      bar.setExtraMessage(String.format(Locale.ROOT, " all committed; merging %d segments into %d…", segments, target));
    }

    @Override
    public void onMerged(int segments, double seconds) {
      mergedInto = segments;
      mergeSeconds = seconds;
      bar.setExtraMessage(String.format(Locale.ROOT, " merged into %d segment(s) in %.1f s", segments, seconds));
    }
  }


}
