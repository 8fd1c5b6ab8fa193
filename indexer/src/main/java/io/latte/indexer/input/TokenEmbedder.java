package io.latte.indexer.input;

import java.util.List;

/**
 * Turns documents into token vectors. The indexer calls it from one thread (the reading and
 * encoding thread), in batches, while another thread compresses and writes the previous batch.
 *
 * <p>Documents that bring their own vectors ({@link SourceDocument#hasVectors()}) are never passed
 * to an embedder.
 *
 * <p>Implementations encode {@link SourceDocument#fullText()} (title + " " + text) so that offsets
 * refer to that string. The server and eval modules adapt {@code io.latte.models.TokenEncoder}; the
 * indexer's tests use random vectors.
 */
public interface TokenEmbedder {

  /** The model, recorded in the index and checked when the index is opened again. */
  ModelIdentity model();

  /**
   * Encodes a batch.
   *
   * @return one entry per document, in input order, each with {@code model().dim()} floats per token
   */
  List<DocumentVectors> embed(List<SourceDocument> documents);

  /**
   * Whether {@link #embed} can encode text. False for {@link #precomputed}: documents without
   * vectors are then bad documents, reported with file and line, never handed to {@link #embed}.
   */
  default boolean encodesText() {
    return true;
  }

  /**
   * For inputs whose documents all bring their own {@link SourceDocument#vectors()}: no model is
   * loaded, the index records {@code model}.
   */
  static TokenEmbedder precomputed(ModelIdentity model) {
    return new TokenEmbedder() {
      @Override
      public ModelIdentity model() {
        return model;
      }

      @Override
      public boolean encodesText() {
        return false;
      }

      @Override
      public List<DocumentVectors> embed(List<SourceDocument> documents) {
        throw new IllegalStateException("no model to encode " + documents.get(0).where()
            + ": the index is built from precomputed vectors");
      }
    };
  }

  /**
   * An embedder that encodes nothing: it hands back vectors computed earlier (e.g. once, for writing
   * the same documents into two indexes, or the encoding cache's), by document.
   */
  static TokenEmbedder replaying(ModelIdentity model,
      java.util.function.Function<SourceDocument, DocumentVectors> vectors) {
    return new TokenEmbedder() {
      @Override
      public ModelIdentity model() {
        return model;
      }

      @Override
      public List<DocumentVectors> embed(List<SourceDocument> documents) {
        return documents.stream().map(vectors).toList();
      }
    };
  }
}
