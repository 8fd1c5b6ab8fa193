package io.latte.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Shared fixtures: the two embedded encoders, opened once per test JVM (opening costs 1–2 s each),
 * and model directories assembled from the embedded bge files.
 *
 * <p>Batch size 3 so that every test that encodes a handful of documents also crosses batches.
 * The encoders are never closed: they live until the forked test JVM exits.
 */
final class TestModels {

  static final EncoderOptions OPTIONS = EncoderOptions.defaults().withBatchSize(3);

  private TestModels() {}

  private static final class Bge {
    static final OnnxTokenEncoder ENCODER =
        (OnnxTokenEncoder) Encoders.open("bge-small-en-v15-q", OPTIONS);
  }

  private static final class MiniLm {
    static final OnnxTokenEncoder ENCODER =
        (OnnxTokenEncoder) Encoders.open("all-minilm-l6-v2", OPTIONS);
  }

  private static final class BgeFiles {
    static final byte[] ONNX = EmbeddedModel.BGE_SMALL_EN_V15_Q.onnxBytes();
    static final byte[] TOKENIZER = EmbeddedModel.BGE_SMALL_EN_V15_Q.tokenizerBytes();
  }

  static OnnxTokenEncoder bge() {
    return Bge.ENCODER;
  }

  static OnnxTokenEncoder miniLm() {
    return MiniLm.ENCODER;
  }

  static OnnxTokenEncoder byName(String name) {
    return switch (name) {
      case "bge-small-en-v15-q" -> bge();
      case "all-minilm-l6-v2" -> miniLm();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static byte[] bgeTokenizer() {
    return BgeFiles.TOKENIZER;
  }

  /**
   * Writes a model directory with the embedded bge model and tokenizer and the given spec.
   *
   * @param withModel false leaves out {@code model.onnx}
   */
  static Path bgeDirectory(Path parent, String dirName, String specJson, boolean withModel) {
    try {
      Path dir = Files.createDirectories(parent.resolve(dirName));
      if (withModel) {
        Files.write(dir.resolve(ModelLocation.MODEL_FILE), BgeFiles.ONNX);
      }
      Files.write(dir.resolve(ModelLocation.TOKENIZER_FILE), BgeFiles.TOKENIZER);
      Files.writeString(dir.resolve(ModelSpec.FILE_NAME), specJson, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes every text alone, one ONNX run each. */
  static EncodedText[] eachAlone(TokenEncoder encoder, List<String> texts) {
    EncodedText[] out = new EncodedText[texts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = encoder.encodeDocuments(List.of(texts.get(i))).get(0);
    }
    return out;
  }
}
