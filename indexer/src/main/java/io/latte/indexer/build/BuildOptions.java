package io.latte.indexer.build;

import io.latte.indexer.analysis.Bm25Languages;
import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.KMeans;
import io.latte.indexer.input.BadDocumentPolicy;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.write.LuceneConfig;
import java.util.Objects;

/**
 * Settings of one {@link IndexBuilder} run. Codebook settings ({@code bits}, {@code projectionDim},
 * {@code numCentroids}) apply when the index is created; on an existing index 0 means "as the
 * index", and any other value must equal the index's (else an error: the codebook is fixed).
 *
 * @param bits residual bits per dimension, 1, 2 or 4; 0 = default {@value #DEFAULT_BITS}
 * @param projectionDim PCA output dimensions (e.g. 128), 0 = no projection
 * @param numCentroids centroids, 0 = automatic ({@code 2^floor(log2(4·√tokens))}, capped at sample/32, tokens estimated
 *     from the sample's tokens per document × the expected document count)
 * @param sampleTokens training sample size in token vectors (default 2^18 = 262 144; ≈ 400 MB at 384
 *     dimensions, lowered automatically to a third of the heap)
 * @param expectedDocuments documents expected in the input, 0 = ask the source (or unknown)
 * @param batchSize documents per embedding batch (default 32)
 * @param queueBatches embedded batches that may wait for the writer (default 4): bounds memory
 * @param commitEveryDocs commit after this many documents (default 10 000)
 * @param commitEverySeconds and at least this often, in seconds (default 60)
 * @param badDocuments skip or stop on a bad document (default skip)
 * @param maxReportedBadDocuments bad documents kept in the summary (the count is always exact)
 * @param seed k-means (and two-level assignment) seed
 * @param kmeansIterations Lloyd iterations (default 10)
 * @param trainingThreads threads for codebook training and for the writer's centroid assignment
 *     (default: all cores)
 * @param assignProbes 0 = exact centroid assignment; n = two-level search probing n groups
 *     (default {@value #DEFAULT_ASSIGN_PROBES}: on SciFact a quarter of exact assignment's cost, the
 *     same nDCG@10, and the difference between an indexer that keeps up with the encoder or not)
 * @param resume continue an interrupted run over the same input after its last commit (default)
 * @param mergeToSegments when the run created the index: merge it down to at most this many
 *     segments once everything is committed (default {@value #DEFAULT_MERGE_TO_SEGMENTS}); 0 = leave
 *     the segments of the periodic commits. Token retrieval scans each segment's clusters in blocks
 *     of 64 tokens, so every (segment, cluster) pays a partly empty last block: on SciFact four
 *     segments made xtr 20–40 % slower than one in back-to-back runs (docs/BENCHMARKS.md §4d). Runs that add to an
 *     existing index never merge (that is Lucene's merge policy's job).
 * @param ramBufferMb Lucene's indexing buffer in MB (default 128)
 * @param encodeThreads batches embedded at once (default: all cores); give the embedder one
 *     intra-op thread each (see {@link EmbeddingWorkers})
 * @param muvera the MUVERA encoding a new index gives every document (default {@link
 *     FdeConfig#defaults()}), or null for none (saves its HNSW graph: ≈ 4 KiB per document)
 * @param codebook a trained codebook to use for a new index instead of training one, or null
 * @param language the BM25 field's language code ({@link Bm25Languages}) of a new index; null = as
 *     the index (for a new one {@value Bm25Languages#DEFAULT}); given for an existing index it must
 *     equal the index's
 * @param tokenScale whether a new index stores a scale byte per token ({@link Codebook#storesScale()});
 *     null = as the index (for a new one: yes); given for an existing index it must equal the index's
 */
public record BuildOptions(
    int bits,
    int projectionDim,
    int numCentroids,
    int sampleTokens,
    long expectedDocuments,
    int batchSize,
    int queueBatches,
    int commitEveryDocs,
    double commitEverySeconds,
    BadDocumentPolicy badDocuments,
    int maxReportedBadDocuments,
    long seed,
    int kmeansIterations,
    int trainingThreads,
    int assignProbes,
    boolean resume,
    int mergeToSegments,
    double ramBufferMb,
    int encodeThreads,
    FdeConfig muvera,
    Codebook codebook,
    String language,
    Boolean tokenScale) {

  public static final int DEFAULT_BITS = 2;
  public static final int DEFAULT_SAMPLE_TOKENS = 1 << 18;
  public static final int DEFAULT_ASSIGN_PROBES = 16;
  public static final int DEFAULT_MERGE_TO_SEGMENTS = 1;

  public BuildOptions {
    if (bits != 0 && bits != 1 && bits != 2 && bits != 4) {
      throw new IllegalArgumentException("bits must be 1, 2 or 4 (0 = default), got " + bits);
    }
    nonNegative("projectionDim", projectionDim);
    nonNegative("numCentroids", numCentroids);
    positive("sampleTokens", sampleTokens);
    if (expectedDocuments < 0) {
      throw new IllegalArgumentException("expectedDocuments must be >= 0, got " + expectedDocuments);
    }
    positive("batchSize", batchSize);
    positive("queueBatches", queueBatches);
    positive("commitEveryDocs", commitEveryDocs);
    if (!(commitEverySeconds > 0)) {
      throw new IllegalArgumentException("commitEverySeconds must be > 0, got " + commitEverySeconds);
    }
    Objects.requireNonNull(badDocuments, "badDocuments");
    nonNegative("maxReportedBadDocuments", maxReportedBadDocuments);
    nonNegative("kmeansIterations", kmeansIterations);
    positive("trainingThreads", trainingThreads);
    nonNegative("assignProbes", assignProbes);
    nonNegative("mergeToSegments", mergeToSegments);
    positive("encodeThreads", encodeThreads);
    if (!(ramBufferMb >= 1)) {
      throw new IllegalArgumentException("ramBufferMb must be >= 1, got " + ramBufferMb);
    }
    language = language == null ? null : Bm25Languages.normalize(language);
  }

  private static void positive(String name, long v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }
  }

  private static void nonNegative(String name, long v) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + v);
    }
  }

  /** The documented defaults. */
  public static BuildOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bits = bits;
    b.projectionDim = projectionDim;
    b.numCentroids = numCentroids;
    b.sampleTokens = sampleTokens;
    b.expectedDocuments = expectedDocuments;
    b.batchSize = batchSize;
    b.queueBatches = queueBatches;
    b.commitEveryDocs = commitEveryDocs;
    b.commitEverySeconds = commitEverySeconds;
    b.badDocuments = badDocuments;
    b.maxReportedBadDocuments = maxReportedBadDocuments;
    b.seed = seed;
    b.kmeansIterations = kmeansIterations;
    b.trainingThreads = trainingThreads;
    b.assignProbes = assignProbes;
    b.resume = resume;
    b.mergeToSegments = mergeToSegments;
    b.ramBufferMb = ramBufferMb;
    b.encodeThreads = encodeThreads;
    b.muvera = muvera;
    b.codebook = codebook;
    b.language = language;
    b.tokenScale = tokenScale;
    return b;
  }

  /** Mutable builder with the documented defaults. */
  public static final class Builder {
    private int bits;
    private int projectionDim;
    private int numCentroids;
    private int sampleTokens = DEFAULT_SAMPLE_TOKENS;
    private long expectedDocuments;
    private int batchSize = 32;
    private int queueBatches = 4;
    private int commitEveryDocs = 10_000;
    private double commitEverySeconds = 60;
    private BadDocumentPolicy badDocuments = BadDocumentPolicy.SKIP;
    private int maxReportedBadDocuments = 100;
    private long seed = 42;
    private int kmeansIterations = KMeans.Options.DEFAULT_ITERATIONS;
    private int trainingThreads = Runtime.getRuntime().availableProcessors();
    private int assignProbes = DEFAULT_ASSIGN_PROBES;
    private boolean resume = true;
    private int mergeToSegments = DEFAULT_MERGE_TO_SEGMENTS;
    private double ramBufferMb = LuceneConfig.DEFAULT_RAM_BUFFER_MB;
    private int encodeThreads = Runtime.getRuntime().availableProcessors();
    private FdeConfig muvera = FdeConfig.defaults();
    private Codebook codebook;
    private String language;
    private Boolean tokenScale;

    private Builder() {}

    public Builder bits(int v) { bits = v; return this; }
    public Builder projectionDim(int v) { projectionDim = v; return this; }
    public Builder numCentroids(int v) { numCentroids = v; return this; }
    public Builder sampleTokens(int v) { sampleTokens = v; return this; }
    public Builder expectedDocuments(long v) { expectedDocuments = v; return this; }
    public Builder batchSize(int v) { batchSize = v; return this; }
    public Builder queueBatches(int v) { queueBatches = v; return this; }
    public Builder commitEveryDocs(int v) { commitEveryDocs = v; return this; }
    public Builder commitEverySeconds(double v) { commitEverySeconds = v; return this; }
    public Builder badDocuments(BadDocumentPolicy v) { badDocuments = v; return this; }
    public Builder maxReportedBadDocuments(int v) { maxReportedBadDocuments = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder kmeansIterations(int v) { kmeansIterations = v; return this; }
    public Builder trainingThreads(int v) { trainingThreads = v; return this; }
    public Builder assignProbes(int v) { assignProbes = v; return this; }
    public Builder resume(boolean v) { resume = v; return this; }
    public Builder mergeToSegments(int v) { mergeToSegments = v; return this; }
    public Builder ramBufferMb(double v) { ramBufferMb = v; return this; }
    public Builder encodeThreads(int v) { encodeThreads = v; return this; }
    public Builder muvera(FdeConfig v) { muvera = v; return this; }
    public Builder codebook(Codebook v) { codebook = v; return this; }
    public Builder language(String v) { language = v; return this; }
    public Builder tokenScale(Boolean v) { tokenScale = v; return this; }

    public BuildOptions build() {
      return new BuildOptions(
          bits, projectionDim, numCentroids, sampleTokens, expectedDocuments, batchSize, queueBatches,
          commitEveryDocs, commitEverySeconds, badDocuments, maxReportedBadDocuments, seed,
          kmeansIterations, trainingThreads, assignProbes, resume, mergeToSegments, ramBufferMb, encodeThreads, muvera, codebook,
          language, tokenScale);
    }
  }
}
