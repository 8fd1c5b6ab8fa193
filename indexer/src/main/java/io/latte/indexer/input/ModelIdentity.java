package io.latte.indexer.input;

import java.util.Objects;

/**
 * The model an index was built with. Query vectors must come from the same model: an index opened
 * with another one is rejected by {@link #requireSameModel}.
 *
 * @param name model name, e.g. {@code bge-small-en-v15-q}
 * @param checksum checksum of the model weights (e.g. SHA-256 of the {@code .onnx}, hex)
 * @param runtime inference runtime and version, e.g. {@code onnxruntime-1.23.2}; recorded, not
 *     enforced: another runtime version shifts int8 outputs very slightly (cosine ≈ 0.998), which
 *     does not make the index unusable
 * @param dim floats per token vector produced by the model (before any index-time projection)
 */
public record ModelIdentity(String name, String checksum, String runtime, int dim) {

  public ModelIdentity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(runtime, "runtime");
    if (dim < 1) {
      throw new IllegalArgumentException("model dim must be positive, got " + dim);
    }
  }

  /** The {@link #checksum()} and {@link #runtime()} of an index built from precomputed vectors only. */
  public static final String PRECOMPUTED = "precomputed";

  /**
   * The identity of vectors computed outside latte, for an index that has no model to encode text:
   * documents and queries must bring their vectors.
   *
   * @param name what the user calls the vectors' model (e.g. {@code colbertv2.0}); later runs that
   *     add vectors to the index must name the same; null or blank: {@value #PRECOMPUTED}
   */
  public static ModelIdentity precomputed(String name, int dim) {
    return new ModelIdentity(name == null || name.isBlank() ? PRECOMPUTED : name, PRECOMPUTED, PRECOMPUTED, dim);
  }

  /** True for an index built from precomputed vectors without a model ({@link #precomputed}). */
  public boolean isPrecomputed() {
    return PRECOMPUTED.equals(checksum);
  }

  /** Same name, weights checksum and dimension (the runtime may differ). */
  public boolean sameModel(ModelIdentity other) {
    return name.equals(other.name) && checksum.equals(other.checksum) && dim == other.dim;
  }

  /**
   * Throws if {@code actual} is another model than this one (the index's). An index of precomputed
   * vectors takes a real model of its dimension, which is only ever used when a user names it (to
   * encode queries or more documents for vectors they produced with that model).
   *
   * @param where the index directory, for the message
   */
  public void requireSameModel(ModelIdentity actual, String where) {
    if (isPrecomputed() && !actual.isPrecomputed()) {
      // Nothing to compare a real model's weights with: the user named it (--model) as the one that
      // produced the vectors; only the dimension can be checked.
      if (dim != actual.dim) {
        throw new IllegalArgumentException("index " + where + " holds " + describe() + ", but the model "
            + actual.describe() + " produces " + actual.dim + "-dimensional vectors");
      }
      return;
    }
    if (!sameModel(actual)) {
      throw new IllegalArgumentException(
          "index " + where + " was built with model " + describe() + ", but the encoder is "
              + actual.describe() + ": query and document vectors would not be comparable. Use the"
              + " index's model (--model " + (isPrecomputed() ? PRECOMPUTED + ":" + name : name)
              + ") or index into a new directory.");
    }
  }

  /** {@code 'name' (dim 384, checksum 1a2b3c4d5e6f…)}. */
  public String describe() {
    if (isPrecomputed()) {
      return "'" + name + "' (precomputed vectors, dim " + dim + ", no model)";
    }
    String sum = checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
    return "'" + name + "' (dim " + dim + ", checksum " + sum + ")";
  }
}
