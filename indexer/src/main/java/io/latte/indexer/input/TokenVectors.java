package io.latte.indexer.input;

import java.util.Objects;

/**
 * Token vectors a document brings with it, computed outside latte (a GPU, another service): the
 * indexer writes them as they are instead of running the encoder. Validated when built, so every
 * instance is indexable apart from its dimension, which only the index knows (checked by the
 * builder and the server against the index's model).
 *
 * @param values {@code tokenCount × dim} floats, row-major, all finite
 * @param tokenCount at least 1
 * @param dim floats per token vector
 * @param tokens the token string of each vector for explanations, or null
 * @param starts char offset of each token in {@link SourceDocument#fullText()} or -1; null iff
 *     {@code tokens} is null
 * @param ends exclusive end offsets, -1 where {@code starts} is -1
 */
public record TokenVectors(float[] values, int tokenCount, int dim, String[] tokens, int[] starts, int[] ends) {

  /** Lucene's per-document token limit is far above this; a larger count means a broken input. */
  public static final int MAX_TOKENS = 1 << 20;

  /** Larger than any token embedding model; a larger value means a broken header or row. */
  public static final int MAX_DIM = 1 << 16;

  /**
   * Floats in one document, at most: 512 MiB of heap, 1.3 M tokens of 384 dimensions; beyond, one
   * document could exhaust the indexer's heap (and {@code tokens × dim} would overflow an int).
   */
  public static final int MAX_FLOATS = 1 << 27;

  public TokenVectors {
    Objects.requireNonNull(values, "values");
    if (tokenCount < 1 || dim < 1 || values.length != (long) tokenCount * dim) {
      throw new IllegalArgumentException(
          values.length + " floats for " + tokenCount + " tokens of dim " + dim);
    }
  }

  /**
   * Checks flat vectors and the optional token strings and offsets, and builds them.
   *
   * @param values row-major; not copied
   * @param tokens may be null
   * @param offsets {@code [start, end)} per token into the document's full text, {@code [-1, -1]}
   *     for tokens that are not from the text; may be null (then every token gets -1)
   * @param textLength length of the document's full text, which offsets must stay within
   * @throws InvalidVectorsException naming the first bad element
   */
  public static TokenVectors of(
      float[] values, int tokenCount, int dim, String[] tokens, int[][] offsets, int textLength) {
    if (tokenCount == 0) {
      throw new InvalidVectorsException("vectors", "is empty: a document needs at least one token vector");
    }
    if (tokenCount > MAX_TOKENS) {
      throw new InvalidVectorsException("vectors", "has " + tokenCount + " token vectors, more than " + MAX_TOKENS);
    }
    if (dim > MAX_DIM) {
      throw new InvalidVectorsException("vectors[0]", "has " + dim + " values, more than " + MAX_DIM);
    }
    if ((long) tokenCount * dim > MAX_FLOATS) {
      throw new InvalidVectorsException("vectors", tooLarge(tokenCount, dim));
    }
    requireFinite(values, dim);
    if (tokens == null && offsets != null) {
      throw new InvalidVectorsException("offsets", "given without \"tokens\"");
    }
    if (tokens == null) {
      return new TokenVectors(values, tokenCount, dim, null, null, null);
    }
    if (tokens.length != tokenCount) {
      throw new InvalidVectorsException(
          "tokens", "has " + tokens.length + " entries but there are " + tokenCount + " token vectors");
    }
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i] == null) {
        throw new InvalidVectorsException("tokens[" + i + "]", "is null");
      }
    }
    int[] starts = new int[tokenCount];
    int[] ends = new int[tokenCount];
    java.util.Arrays.fill(starts, -1);
    java.util.Arrays.fill(ends, -1);
    if (offsets != null) {
      if (offsets.length != tokenCount) {
        throw new InvalidVectorsException(
            "offsets", "has " + offsets.length + " entries but there are " + tokenCount + " token vectors");
      }
      for (int i = 0; i < tokenCount; i++) {
        int[] o = offsets[i];
        boolean none = o != null && o.length == 2 && o[0] == -1 && o[1] == -1;
        if (!none && (o == null || o.length != 2 || o[0] < 0 || o[1] < o[0] || o[1] > textLength)) {
          throw new InvalidVectorsException("offsets[" + i + "]", "must be [start, end] with 0 <= start <= end <= "
              + textLength + " (the length of title + \" \" + text), or [-1, -1]");
        }
        starts[i] = o[0];
        ends[i] = o[1];
      }
    }
    return new TokenVectors(values, tokenCount, dim, tokens, starts, ends);
  }

  /**
   * Rows as a JSON array of arrays arrives from a deserialiser: every row must have the length of
   * the first (no ragged matrix), then as {@link #of}.
   */
  public static TokenVectors ofRows(float[][] rows, String[] tokens, int[][] offsets, int textLength) {
    if (rows.length == 0) {
      return of(new float[0], 0, 1, tokens, offsets, textLength);
    }
    int dim = rowLength(rows, 0);
    if (dim == 0) {
      throw new InvalidVectorsException("vectors[0]", "is empty");
    }
    float[] flat = new float[Math.multiplyExact(rows.length, dim)];
    for (int i = 0; i < rows.length; i++) {
      int n = rowLength(rows, i);
      if (n != dim) {
        throw new InvalidVectorsException("vectors[" + i + "]", ragged(n, dim));
      }
      System.arraycopy(rows[i], 0, flat, i * dim, dim);
    }
    return of(flat, rows.length, dim, tokens, offsets, textLength);
  }

  private static int rowLength(float[][] rows, int i) {
    if (rows[i] == null) {
      throw new InvalidVectorsException("vectors[" + i + "]", "is null, not an array of numbers");
    }
    return rows[i].length;
  }

  /** The problem of a document with more than {@link #MAX_FLOATS} floats. */
  static String tooLarge(int tokens, int dim) {
    return "has " + tokens + " token vectors of " + dim + " values, more than " + MAX_FLOATS + " floats in all";
  }

  /** The problem of a row whose length differs from the first row's. */
  static String ragged(int n, int dim) {
    return "has " + n + " values but vectors[0] has " + dim + " (every token vector must have the same length)";
  }

  /** @throws InvalidVectorsException naming the first NaN or infinite value */
  public static void requireFinite(float[] values, int dim) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new InvalidVectorsException(
            "vectors[" + i / dim + "][" + i % dim + "]", "is " + values[i] + ": values must be finite");
      }
    }
  }

  /**
   * @throws InvalidVectorsException when the vectors do not have {@code expected} dimensions
   * @param what whose dimension it is, for the message (e.g. {@code the index's model 'x'})
   */
  public void requireDim(int expected, String what) {
    if (dim != expected) {
      throw new InvalidVectorsException("vectors[0]", "has " + dim + " values, but " + what + " takes "
          + expected + "-dimensional token vectors");
    }
  }

  /** As the indexer consumes them, for {@code doc}. */
  public DocumentVectors forDocument(SourceDocument doc) {
    return new DocumentVectors(doc, values, tokenCount, tokens, starts, ends);
  }
}
