package io.latte.eval.encode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole corpus of token matrices in memory: for document {@code i}, {@link #tokens(int)} is a
 * row-major {@code [tokenCount × dim]} float matrix of L2-normalised token vectors, and
 * {@link #pooled(int)} its single pooled vector (for the dense baseline).
 *
 * <p>Rows are kept flat per document (one {@code float[]}) because exact MaxSim streams over them
 * and a flat array keeps each document contiguous in memory.
 */
public final class EncodedCorpus {
  private final String modelName;
  private final String modelChecksum;
  private final int dim;
  private final List<String> ids;
  private final List<float[]> tokens;
  private final List<float[]> pooled;
  private final Map<String, Integer> ordinals;

  public EncodedCorpus(
      String modelName,
      String modelChecksum,
      int dim,
      List<String> ids,
      List<float[]> tokens,
      List<float[]> pooled) {
    if (dim <= 0) {
      throw new IllegalArgumentException("dim must be > 0, got " + dim);
    }
    if (ids.size() != tokens.size() || ids.size() != pooled.size()) {
      throw new IllegalArgumentException(
          "ids, tokens and pooled must have the same size, got "
              + ids.size() + ", " + tokens.size() + ", " + pooled.size());
    }
    this.modelName = Objects.requireNonNull(modelName);
    this.modelChecksum = Objects.requireNonNull(modelChecksum);
    this.dim = dim;
    this.ids = List.copyOf(ids);
    this.tokens = List.copyOf(tokens);
    this.pooled = List.copyOf(pooled);
    this.ordinals = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      if (tokens.get(i).length % dim != 0) {
        throw new IllegalArgumentException(
            "document " + ids.get(i) + " has " + tokens.get(i).length + " floats, not a multiple of dim " + dim);
      }
      if (ordinals.put(ids.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate document id " + ids.get(i));
      }
    }
  }

  public String modelName() {
    return modelName;
  }

  public String modelChecksum() {
    return modelChecksum;
  }

  public int dim() {
    return dim;
  }

  public int size() {
    return ids.size();
  }

  public String id(int doc) {
    return ids.get(doc);
  }

  /** Ordinal of a document id, or -1. */
  public int ordinal(String id) {
    return ordinals.getOrDefault(id, -1);
  }

  /** Row-major token matrix of document {@code doc}; do not modify. */
  public float[] tokens(int doc) {
    return tokens.get(doc);
  }

  public int tokenCount(int doc) {
    return tokens.get(doc).length / dim;
  }

  /** Pooled vector of document {@code doc}, or an empty array when the model has no pooling. */
  public float[] pooled(int doc) {
    return pooled.get(doc);
  }

  public long totalTokens() {
    long n = 0;
    for (float[] t : tokens) {
      n += t.length / dim;
    }
    return n;
  }

  /** Copy of one token vector, for tests and explanations. */
  public float[] tokenVector(int doc, int token) {
    int from = token * dim;
    return Arrays.copyOfRange(tokens.get(doc), from, from + dim);
  }
}
