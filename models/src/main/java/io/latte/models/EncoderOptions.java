package io.latte.models;

/**
 * Run-time settings of an encoder: how it uses the machine, and length overrides. Lengths resolve
 * as: this option when set (> 0), else the model spec's, else the documented default (see
 * {@link ModelSpec#effectiveQueryMaxLength}). So a user's explicit limit always wins, and a model's
 * own config (a ColBERT export's 32-token queries) applies otherwise.
 *
 * @param threads ONNX Runtime intra-op threads for one session, in [1, {@value #MAX_THREADS}];
 *     default: all available processors (2 on the reference machine). Inter-op threads are 1
 * @param batchSize documents per ONNX Runtime run, in [1, {@value #MAX_BATCH_SIZE}]; default 1. Dynamically
 *     quantised (int8) models such as the embedded bge-small-en-v15-q compute one activation scale per
 *     batch, so a document's vectors would depend on which documents share its batch (cosine down to
 *     0.92 measured); one document per run makes every vector reproducible, and on two cores it
 *     measured no slower (SciFact sample: 20.3 docs/s at batch 1 and at batch 32).
 *     Documents are sorted by token length before batching so each batch pads little. 1 makes
 *     dynamically quantised models batch-invariant (see {@link TokenEncoder#encodeDocuments})
 * @param maxQueryTokens query length in tokens including special tokens, in [1,
 *     {@value ModelSpec#MAX_LENGTH}], or {@value #FROM_MODEL} (the default) for the spec's length, else
 *     {@value #DEFAULT_MAX_QUERY_TOKENS} (ColBERT's query length)
 * @param maxDocumentTokens document length in tokens including special tokens, longer documents are
 *     truncated (keeping [SEP]), in [1, {@value ModelSpec#MAX_LENGTH}], or {@value #FROM_MODEL} (the
 *     default) for the spec's length, else {@value #DEFAULT_MAX_DOCUMENT_TOKENS}. BERT-style models
 *     accept at most 512
 */
public record EncoderOptions(int threads, int batchSize, int maxQueryTokens, int maxDocumentTokens) {

  /** Largest accepted {@link #threads()}. */
  public static final int MAX_THREADS = 1024;

  /** Largest accepted {@link #batchSize()}. */
  public static final int MAX_BATCH_SIZE = 4096;

  /** Default {@link #batchSize()}. */
  public static final int DEFAULT_BATCH_SIZE = 1;

  /** Length value meaning "the model spec's length, else the default". */
  public static final int FROM_MODEL = 0;

  /** Query length when neither the options nor the spec set one. */
  public static final int DEFAULT_MAX_QUERY_TOKENS = 32;

  /** Document length when neither the options nor the spec set one. */
  public static final int DEFAULT_MAX_DOCUMENT_TOKENS = 300;

  /** Validates every range; the message names the parameter, the limits and the value. */
  public EncoderOptions {
    check("threads", threads, 1, MAX_THREADS);
    check("batchSize", batchSize, 1, MAX_BATCH_SIZE);
    check("maxQueryTokens", maxQueryTokens, FROM_MODEL, ModelSpec.MAX_LENGTH);
    check("maxDocumentTokens", maxDocumentTokens, FROM_MODEL, ModelSpec.MAX_LENGTH);
  }

  /** The documented defaults, with {@link #threads()} = available processors. */
  public static EncoderOptions defaults() {
    int cores = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, MAX_THREADS);
    return new EncoderOptions(cores, DEFAULT_BATCH_SIZE, FROM_MODEL, FROM_MODEL);
  }

  /** A copy with another {@link #threads()}. */
  public EncoderOptions withThreads(int value) {
    return new EncoderOptions(value, batchSize, maxQueryTokens, maxDocumentTokens);
  }

  /** A copy with another {@link #batchSize()}. */
  public EncoderOptions withBatchSize(int value) {
    return new EncoderOptions(threads, value, maxQueryTokens, maxDocumentTokens);
  }

  /** A copy with another {@link #maxQueryTokens()}. */
  public EncoderOptions withMaxQueryTokens(int value) {
    return new EncoderOptions(threads, batchSize, value, maxDocumentTokens);
  }

  /** A copy with another {@link #maxDocumentTokens()}. */
  public EncoderOptions withMaxDocumentTokens(int value) {
    return new EncoderOptions(threads, batchSize, maxQueryTokens, value);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }
}
