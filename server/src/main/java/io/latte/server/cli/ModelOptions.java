package io.latte.server.cli;

import io.latte.models.EncoderOptions;
import io.latte.models.Encoders;
import io.latte.models.TokenEncoder;
import picocli.CommandLine.Option;

/** Options shared by every command that encodes text. */
public final class ModelOptions {
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "NAME|DIR",
      description = "Embedded model name (${COMPLETION-CANDIDATES}) or a directory with model.onnx,"
          + " tokenizer.json and latte-model.json. Default: ${DEFAULT-VALUE}. latte index also takes"
          + " precomputed[:NAME]: no model, every document brings its vectors.",
      completionCandidates = EmbeddedModels.class,
      defaultValue = Encoders.DEFAULT_MODEL)
  String model;

  /**
   * The embedded model names, for {@code ${COMPLETION-CANDIDATES}} in help texts: picocli lists
   * candidates only for enums unless given them (the option is a String: it also takes directories).
   */
  public static final class EmbeddedModels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Encoders.embeddedNames().iterator();
    }
  }

  @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads (default: all cores; latte index: 1 per encoder worker, one worker per core).")
  Integer threads;

  @Option(names = "--batch-size", paramLabel = "N", description = "Documents per encoder run (default " + EncoderOptions.DEFAULT_BATCH_SIZE + ": the int8 model's activation scale is per batch, so batch-mates would change a document's vectors).")
  Integer batchSize;

  @Option(names = "--max-query-tokens", paramLabel = "N", description = "Query length limit in wordpieces (default: the model's, else 32).")
  Integer maxQueryTokens;

  @Option(names = "--max-doc-tokens", paramLabel = "N", description = "Document length limit in wordpieces (default: the model's, else 300).")
  Integer maxDocTokens;

  /** Whether --model was given on the command line (else commands on an index use the index's model). */
  boolean modelGiven() {
    return spec != null && spec.commandLine() != null
        && spec.commandLine().getParseResult() != null
        && spec.commandLine().getParseResult().hasMatchedOption("--model");
  }

  EncoderOptions encoderOptions() {
    return encoderOptions(EncoderOptions.defaults().threads());
  }

  /** The options, with {@code defaultThreads} intra-op threads unless --threads was given. */
  EncoderOptions encoderOptions(int defaultThreads) {
    EncoderOptions d = EncoderOptions.defaults();
    return new EncoderOptions(
        threads != null ? threads : defaultThreads,
        batchSize != null ? batchSize : d.batchSize(),
        maxQueryTokens != null ? maxQueryTokens : d.maxQueryTokens(),
        maxDocTokens != null ? maxDocTokens : d.maxDocumentTokens());
  }

  /** The document length the encoder will actually use (option, else the model's, else 300). */
  int effectiveDocumentTokens() {
    return Encoders.spec(model).effectiveDocumentMaxLength(encoderOptions());
  }

  TokenEncoder open() {
    return Encoders.open(model, encoderOptions());
  }

  /**
   * For bulk encoding by several workers: one intra-op thread per run unless --threads was given
   * (two runs of one thread encode 1.6× the documents per second of one run of two, measured).
   */
  TokenEncoder openForWorkers() {
    return Encoders.open(model, encoderOptions(1));
  }

  /** How many encoder runs to keep in flight so that their intra-op threads fill the cores. */
  int workers() {
    int intraOp = threads != null ? threads : 1;
    return Math.max(1, Runtime.getRuntime().availableProcessors() / intraOp);
  }
}
