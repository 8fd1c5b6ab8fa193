package io.latte.models;

import java.util.Objects;

/**
 * One encoded query or document: a vector per kept token plus what each token was.
 *
 * <p>Arrays are owned by the caller once returned; the encoder keeps no reference to them. As for
 * any record with array components, {@code equals} compares the arrays by identity, not content.
 *
 * @param vectors one vector per kept token, L2-normalised when the spec says
 *     {@link ModelSpec#normalize()} (the default). Padding is never kept; special tokens, skiplist
 *     tokens and [MASK] augmentation follow the spec
 * @param tokens the token string of each vector (wordpieces, e.g. {@code "##ing"}, {@code "[CLS]"})
 * @param starts char offset (UTF-16 index, for {@link String#substring}) where each token starts in
 *     the ORIGINAL text passed to the encoder, not counting any spec prefix; -1 for special tokens,
 *     prefix tokens, markers and [MASK] augmentation tokens
 * @param ends exclusive char offset where each token ends; -1 where {@code starts} is -1
 * @param pooled the pooled vector for dense retrieval per {@link ModelSpec#pooling()}, normalised
 *     like the token vectors; {@code null} when pooling is {@code none}
 */
public record EncodedText(float[][] vectors, String[] tokens, int[] starts, int[] ends, float[] pooled) {

  /** Checks that the parallel arrays have one entry per vector. */
  public EncodedText {
    Objects.requireNonNull(vectors, "vectors");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(starts, "starts");
    Objects.requireNonNull(ends, "ends");
    if (tokens.length != vectors.length || starts.length != vectors.length
        || ends.length != vectors.length) {
      throw new IllegalArgumentException("vectors, tokens, starts and ends must have equal length, got "
          + vectors.length + ", " + tokens.length + ", " + starts.length + ", " + ends.length);
    }
  }

  /** Number of kept tokens (vectors). */
  public int length() {
    return vectors.length;
  }
}
