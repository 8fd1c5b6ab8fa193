package io.latte.indexer.build;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.CodebookTrainer;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * The first phase of a new index: read and embed documents until the training sample is large
 * enough (or the input ends), train the codebook on their tokens, and hand the buffered batches on
 * to be written. Nothing is written to disk here.
 *
 * <p>The centroid count, when automatic, follows {@link CodebookTrainer#autoNumCentroids} on the
 * estimated collection size: the sample's tokens per document × the expected document count (from
 * the options or the source), or exactly the sample when the input ended inside it.
 */
final class CodebookTraining {

  /** The sample and its documents may take at most this fraction of the heap (sample + copy). */
  static final double MAX_HEAP_FRACTION = 1.0 / 3;

  /** @param buffered mutable: the pipeline drains it */
  record Result(Codebook codebook, List<Batch> buffered, IndexMeta.Build build, double seconds) {}

  private CodebookTraining() {}

  static Result run(
      BatchReader reader, ModelIdentity model, BuildOptions o, long expectedRecords, BuildListener listener) {
    int dim = model.dim();
    long heapCap = (long) (Runtime.getRuntime().maxMemory() * MAX_HEAP_FRACTION) / (2L * dim * Float.BYTES);
    long cap = Math.max(1, Math.min(o.sampleTokens(), heapCap));
    List<Batch> buffered = new ArrayList<>();
    long tokens = 0;
    long docs = 0;
    boolean exhausted = false;
    while (tokens < cap) {
      Batch b = reader.next();
      if (b == null) {
        exhausted = true;
        break;
      }
      buffered.add(b);
      tokens += b.tokens();
      docs += b.docs().size();
    }
    long t0 = System.nanoTime();
    if (o.codebook() != null) {
      checkGiven(o.codebook(), model, o);
      listener.onTrainingStart(0, 0, o.codebook().numCentroids(), 0);
      return new Result(o.codebook(), buffered, build(o, 0, 0, 0), 0);
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
    for (Batch b : buffered) {
      for (DocumentVectors v : b.vectors()) {
        System.arraycopy(v.vectors(), 0, sample, r * dim, v.tokenCount() * dim);
        r += v.tokenCount();
      }
    }
    long expectedDocs = o.expectedDocuments() > 0 ? o.expectedDocuments() : expectedRecords;
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
        .withIterations(o.kmeansIterations());
    Codebook cb = CodebookTrainer.train(sample, rows, dim, to, null);
    return new Result(cb, buffered, build(o, rows, docs, estimated), (System.nanoTime() - t0) / 1e9);
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
