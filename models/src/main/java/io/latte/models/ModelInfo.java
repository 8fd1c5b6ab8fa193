package io.latte.models;

import java.util.Objects;

/**
 * Identity of an opened model, to be recorded with everything encoded by it: an index built with one
 * model (or one ONNX Runtime version, whose int8 kernels differ slightly) must be re-encoded, not
 * queried with another.
 *
 * @param name {@link ModelSpec#name()}
 * @param dim vector dimension of token and pooled vectors
 * @param checksum SHA-256 of the {@code .onnx} bytes, lowercase hex (64 characters)
 * @param runtime inference runtime and version, e.g. {@code "onnxruntime-1.23.2"}
 */
public record ModelInfo(String name, int dim, String checksum, String runtime) {

  /** Checks that every field is present. */
  public ModelInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(runtime, "runtime");
    if (dim < 1) {
      throw new IllegalArgumentException("dim must be positive, got " + dim);
    }
  }
}
