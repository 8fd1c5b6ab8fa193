package io.latte.indexer.build;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.CodebookTrainer;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.latte.indexer.input.DocumentSource;

/**
 * The first phase of a new index: read and embed a sample of the documents, train the codebook on
 * their tokens, and hand the embeddings on to be written without encoding them again. The sample is
 * spread across the whole input when the source can be read twice, else it is the first documents.
 * Nothing is written to disk here.
 *
 * <p>The centroid count, when automatic, follows {@link CodebookTrainer#autoNumCentroids} on the
 * estimated collection size: the sample's tokens per document × the expected document count (from
 * the options or the source), or exactly the sample when the input ended inside it.
 */
final class CodebookTraining {

  /** The sample and its documents may take at most this fraction of the heap (sample + copy). */
  static final double MAX_HEAP_FRACTION = 1.0 / 3;

  /** Tokens per document assumed until the first sampled batch is embedded (on the low side). */
  static final int PRIOR_TOKENS_PER_DOC = 128;

  /**
   * @param buffered mutable: the pipeline drains it (the first documents, when sampled so)
   * @param cache sampled embeddings by input line for the pipeline to reuse, or null
   */
  record Result(
      Codebook codebook, List<Batch> buffered, Map<Long, DocumentVectors> cache, IndexMeta.Build build,
      double seconds) {}

  private CodebookTraining() {}

  /**
   * Reads the training sample: spread across the whole input when the source can be read twice and
   * its size is known ({@link #sampleAcross}), else the first documents ({@link #sampleFirst}).
   *
   * @param source the input; read only through {@link DocumentSource#reopen()} when sampling across
   * @param main the pipeline's reader over {@code source}, used when sampling the first documents
   */
  static Result run(
      DocumentSource source, BatchReader main, EmbeddingWorkers workers, DocumentChecks checks,
      ModelIdentity model, BuildOptions o, BuildListener listener) {
    int dim = model.dim();
    long heapCap = (long) (Runtime.getRuntime().maxMemory() * MAX_HEAP_FRACTION) / (2L * dim * Float.BYTES);
    long cap = Math.max(1, Math.min(o.sampleTokens(), heapCap));
    long expectedDocs = o.expectedDocuments() > 0 ? o.expectedDocuments() : source.expectedRecords();
    if (o.codebook() != null) {
      return trainOrUse(new Sample(List.of(), 0, 0, false, null), model, o, expectedDocs, listener);
    }
    DocumentSource again = expectedDocs > 0 ? source.reopen() : null;
    Sample sample;
    if (again == null) {
      sample = sampleFirst(main, cap);
    } else {
      try (again) {
        sample = sampleAcross(again, workers, checks, o, expectedDocs, cap, listener);
      }
    }
    return trainOrUse(sample, model, o, expectedDocs, listener);
  }

  /** Sampled documents, their token count, whether they are the whole input, and the reuse cache. */
  private record Sample(
      List<Batch> batches, long tokens, long docs, boolean exhausted, Map<Long, DocumentVectors> cache) {}

  /** The first documents of the input up to the cap; they are written first, from the buffer. */
  private static Sample sampleFirst(BatchReader reader, long cap) {
    List<Batch> buffered = new ArrayList<>();
    long tokens = 0;
    long docs = 0;
    while (tokens < cap) {
      Batch b = reader.next();
      if (b == null) {
        return new Sample(buffered, tokens, docs, true, null);
      }
      buffered.add(b);
      tokens += b.tokens();
      docs += b.docs().size();
    }
    return new Sample(buffered, tokens, docs, false, null);
  }

  /**
   * Every s-th document of a second pass over the input, s chosen after the first batch so that the
   * sample ends near the cap at the end of the input (PLAID samples documents uniformly too). A
   * sample of the first documents is biased by the corpus order (sorted by source, topic or date),
   * which cost a 1-bit SciFact index 0.03 nDCG@10. The sampled embeddings are kept by input line so
   * the pipeline does not encode them again. Bad documents are left for the main pass to report.
   */
  private static Sample sampleAcross(
      DocumentSource again, EmbeddingWorkers workers, DocumentChecks mainChecks, BuildOptions o, long expectedDocs, long cap,
      BuildListener listener) {
    BadDocuments quiet = new BadDocuments(io.latte.indexer.input.BadDocumentPolicy.SKIP, 0, BuildListener.NONE);
    DocumentChecks checks = new DocumentChecks(
        mainChecks.dim(), mainChecks.encodesText(), io.latte.indexer.format.MetadataSchema.empty(), quiet);
    BatchReader reader = new BatchReader(again, 0, checks, quiet, workers, o.batchSize(), listener, null);
    // A first guess (documents of about PRIOR_TOKENS_PER_DOC tokens) for the batches read ahead
    // before the first one is embedded; refined from that batch's real token count.
    reader.stride((int) Math.max(1, Math.ceil((double) expectedDocs * PRIOR_TOKENS_PER_DOC / cap)));
    List<Batch> batches = new ArrayList<>();
    Map<Long, DocumentVectors> cache = new HashMap<>();
    long tokens = 0;
    long docs = 0;
    boolean strideSet = false;
    boolean exhausted = true;
    try {
      Batch b;
      while ((b = reader.next()) != null) {
        batches.add(b);
        tokens += b.tokens();
        docs += b.docs().size();
        keep(cache, b);
        if (!strideSet && docs > 0) {
          double tokensPerDoc = (double) tokens / docs;
          reader.stride((int) Math.max(1, Math.ceil(expectedDocs * tokensPerDoc / cap)));
          strideSet = true;
        }
        if (tokens >= cap) {
          exhausted = !again.hasNext();
          // Batches already being embedded are not trained on, but kept: never encode twice.
          for (Batch late : reader.drain()) {
            keep(cache, late);
          }
          break;
        }
      }
    } finally {
      reader.cancel();
    }
    // "exhausted" tells whether the sample is the whole input; with a stride it is not.
    boolean whole = exhausted && docs >= expectedDocs;
    return new Sample(batches, tokens, docs, whole, cache);
  }

  /**
   * Keeps a sampled batch's embeddings for the main pass; not those of documents that brought their
   * own vectors, which the main pass reads again at no cost (the cache would hold them until the end).
   */
  private static void keep(Map<Long, DocumentVectors> cache, Batch b) {
    for (DocumentVectors v : b.vectors()) {
      if (!v.source().hasVectors()) {
        cache.put(v.source().line(), v);
      }
    }
  }

  private static Result trainOrUse(
      Sample s, ModelIdentity model, BuildOptions o, long expectedDocs, BuildListener listener) {
    int dim = model.dim();
    List<Batch> buffered = s.cache() == null ? new ArrayList<>(s.batches()) : new ArrayList<>();
    long tokens = s.tokens();
    long docs = s.docs();
    boolean exhausted = s.exhausted();
    long t0 = System.nanoTime();
    if (o.codebook() != null) {
      checkGiven(o.codebook(), model, o);
      listener.onTrainingStart(0, 0, o.codebook().numCentroids(), 0);
      return new Result(o.codebook(), buffered, null, build(o, 0, 0, 0), 0);
    }
    if (tokens == 0) {
      throw new IllegalArgumentException(
          "no document with tokens to train the codebook on: the input is empty or every document was bad");
    }
    if (tokens > Integer.MAX_VALUE / dim) {
      throw new IllegalArgumentException("training sample too large: " + tokens + " tokens of dim " + dim);
    }
    int rows = (int) tokens;
    float[] sample = new float[rows * dim];
    int r = 0;
    for (Batch b : s.batches()) {
      for (DocumentVectors v : b.vectors()) {
        System.arraycopy(v.vectors(), 0, sample, r * dim, v.tokenCount() * dim);
        r += v.tokenCount();
      }
    }
    long estimated = exhausted || expectedDocs <= docs
        ? tokens
        : (long) Math.ceil((double) tokens / docs * expectedDocs);
    int k = o.numCentroids() > 0 ? o.numCentroids() : CodebookTrainer.autoNumCentroids(estimated, rows);
    if (k > rows) {
      throw new IllegalArgumentException(
          "numCentroids=" + k + " needs at least as many sample tokens, but the sample has " + rows
              + " (input ended or sampleTokens=" + o.sampleTokens() + "); lower the centroid count");
    }
    listener.onTrainingStart(rows, docs, k, estimated);
    CodebookTrainer.Options to = CodebookTrainer.Options.defaults()
        .withNumCentroids(k)
        .withTotalTokens(estimated)
        .withBits(o.bits() == 0 ? BuildOptions.DEFAULT_BITS : o.bits())
        .withProjectionDim(o.projectionDim())
        .withSeed(o.seed())
        .withThreads(o.trainingThreads())
        .withIterations(o.kmeansIterations())
        .withTokenScale(o.tokenScale() == null || o.tokenScale());
    Codebook cb = CodebookTrainer.train(sample, rows, dim, to, null);
    return new Result(cb, buffered, s.cache(), build(o, rows, docs, estimated), (System.nanoTime() - t0) / 1e9);
  }

  private static IndexMeta.Build build(BuildOptions o, long sampleTokens, long sampleDocs, long estimated) {
    return new IndexMeta.Build(
        sampleTokens, sampleDocs, estimated, o.projectionDim(), o.seed(), o.kmeansIterations(), o.assignProbes());
  }

  private static void checkGiven(Codebook cb, ModelIdentity model, BuildOptions o) {
    if (cb.inputDim() != model.dim()) {
      throw new IllegalArgumentException(
          "the given codebook takes " + cb.inputDim() + "-dimensional vectors but the model "
              + model.describe() + " produces " + model.dim());
    }
    ExistingIndexChecks.requireCompatible(cb, o, "the given codebook");
  }
}
