package io.latte.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where a model's three parts come from: the classpath registry or a directory. */
sealed interface ModelLocation {

  /** File names inside a model directory. */
  String MODEL_FILE = "model.onnx";
  String TOKENIZER_FILE = "tokenizer.json";
  String EXPECTED_FILES = MODEL_FILE + ", " + TOKENIZER_FILE + " and " + ModelSpec.FILE_NAME;

  ModelSpec spec();

  byte[] onnxBytes();

  byte[] tokenizerBytes();

  /** Human-readable origin for messages and logs. */
  String describe();

  /**
   * Resolves an embedded model name or a directory path.
   *
   * @throws IllegalArgumentException if it is neither an embedded name nor an existing directory;
   *     the message lists the embedded names and what a directory must hold
   */
  static ModelLocation resolve(String nameOrDirectory) {
    if (nameOrDirectory == null || nameOrDirectory.isBlank()) {
      throw new IllegalArgumentException("model name or directory must not be blank; embedded models: "
          + EmbeddedModel.names());
    }
    var embedded = EmbeddedModel.byName(nameOrDirectory);
    if (embedded.isPresent()) {
      return new Embedded(embedded.get());
    }
    Path dir;
    try {
      dir = Path.of(nameOrDirectory).toAbsolutePath();
    } catch (InvalidPathException e) {
      throw unknown(nameOrDirectory, "it is not a valid path either", e);
    }
    if (!Files.exists(dir)) {
      throw unknown(nameOrDirectory, "no directory exists at " + dir, null);
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("Model path " + dir + " is a file; expected a directory"
          + " holding " + EXPECTED_FILES);
    }
    return new Directory(dir);
  }

  private static IllegalArgumentException unknown(String name, String why, Exception cause) {
    return new IllegalArgumentException("Unknown model \"" + name + "\": not one of the embedded"
        + " models " + EmbeddedModel.names() + ", and " + why + " (a model directory holds "
        + EXPECTED_FILES + ")", cause);
  }

  /** A model from the classpath registry. */
  record Embedded(EmbeddedModel model) implements ModelLocation {
    @Override
    public ModelSpec spec() {
      return model.spec();
    }

    @Override
    public byte[] onnxBytes() {
      return model.onnxBytes();
    }

    @Override
    public byte[] tokenizerBytes() {
      return model.tokenizerBytes();
    }

    @Override
    public String describe() {
      return model.describe();
    }
  }

  /** A model directory with {@code model.onnx}, {@code tokenizer.json}, {@code latte-model.json}. */
  record Directory(Path dir) implements ModelLocation {
    @Override
    public ModelSpec spec() {
      Path file = require(ModelSpec.FILE_NAME);
      try (InputStream in = Files.newInputStream(file)) {
        return ModelSpec.parse(in, file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }

    @Override
    public byte[] onnxBytes() {
      return read(require(MODEL_FILE));
    }

    @Override
    public byte[] tokenizerBytes() {
      return read(require(TOKENIZER_FILE));
    }

    @Override
    public String describe() {
      return dir.toString();
    }

    private Path require(String name) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Model directory " + dir + " has no " + name
            + " (expected " + file + "; a model directory holds " + EXPECTED_FILES + ")");
      }
      return file;
    }

    private static byte[] read(Path file) {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
  }
}
