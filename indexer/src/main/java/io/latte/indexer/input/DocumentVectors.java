package io.latte.indexer.input;

import java.util.Objects;

/**
 * One document's token embeddings, as produced by a {@link TokenEmbedder}.
 *
 * @param source the document they encode
 * @param vectors {@code tokenCount × dim} floats, row-major (the model's dimension; any index-time
 *     projection is applied by the indexer, not here)
 * @param tokenCount number of token vectors, may be 0 (the builder then reports a bad document)
 * @param tokens the token string of each vector (e.g. wordpieces) for explanations, or null
 * @param starts char offset of each token in {@link SourceDocument#fullText()}, -1 for tokens that
 *     are not from the text ([CLS], markers); null when {@code tokens} is null
 * @param ends exclusive end offsets, -1 where {@code starts} is -1; null when {@code tokens} is null
 */
public record DocumentVectors(
    SourceDocument source, float[] vectors, int tokenCount, String[] tokens, int[] starts, int[] ends) {

  public DocumentVectors {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(vectors, "vectors");
    if (tokenCount < 0) {
      throw new IllegalArgumentException("tokenCount must be >= 0, got " + tokenCount + " for " + source.where());
    }
    if (tokenCount > 0 && vectors.length % tokenCount != 0) {
      throw new IllegalArgumentException(
          "vectors.length (" + vectors.length + ") must be a multiple of tokenCount (" + tokenCount
              + ") for " + source.where());
    }
    boolean any = tokens != null || starts != null || ends != null;
    if (any && (tokens == null || starts == null || ends == null
        || tokens.length != tokenCount || starts.length != tokenCount || ends.length != tokenCount)) {
      throw new IllegalArgumentException(
          "tokens, starts and ends must all be null or all have tokenCount=" + tokenCount
              + " entries for " + source.where());
    }
  }

  /** Token vectors without token strings. */
  public DocumentVectors(SourceDocument source, float[] vectors, int tokenCount) {
    this(source, vectors, tokenCount, null, null, null);
  }

  public String id() {
    return source.id();
  }

  /** Whether token strings and offsets are present. */
  public boolean hasTokenText() {
    return tokens != null;
  }
}
