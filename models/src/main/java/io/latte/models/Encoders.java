package io.latte.models;

import java.util.List;

/** Opens {@link TokenEncoder}s: the one entry point of this module. */
public final class Encoders {

  /** The model used when none is named: int8 bge-small-en-v1.5, 384 dims, fast on CPU. */
  public static final String DEFAULT_MODEL = "bge-small-en-v15-q";

  private Encoders() {}

  /** Names accepted by {@link #open} without a directory, in registry order. */
  public static List<String> embeddedNames() {
    return EmbeddedModel.names();
  }

  /**
   * Opens an encoder: one ONNX Runtime session plus tokenizers, checked against the spec.
   *
   * @param nameOrDirectory an embedded model name ({@link #embeddedNames()}) or the path of a
   *     directory holding {@code model.onnx}, {@code tokenizer.json} and {@code latte-model.json}.
   *     Embedded names win: write a directory that shares one as {@code ./name}
   * @param options threads, batch size and default lengths
   * @throws IllegalArgumentException if the name is unknown, a file is missing, the spec is invalid,
   *     or the model does not match the spec (output name, dimension, inputs); messages say what was
   *     expected and what the model has
   * @throws java.io.UncheckedIOException if a file exists but cannot be read
   */
  public static TokenEncoder open(String nameOrDirectory, EncoderOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null; use EncoderOptions.defaults()");
    }
    return new OnnxTokenEncoder(ModelLocation.resolve(nameOrDirectory), options);
  }

  /** {@link #open(String, EncoderOptions)} with {@link EncoderOptions#defaults()}. */
  public static TokenEncoder open(String nameOrDirectory) {
    return open(nameOrDirectory, EncoderOptions.defaults());
  }

  /**
   * Reads the spec of a model without loading it (no ONNX session, no tokenizer).
   *
   * @throws IllegalArgumentException as {@link #open}, for the name and the spec file
   */
  public static ModelSpec spec(String nameOrDirectory) {
    return ModelLocation.resolve(nameOrDirectory).spec();
  }
}
