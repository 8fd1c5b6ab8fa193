package io.latte.indexer.input;

import java.util.List;
import java.util.Map;

/**
 * Turns documents into token vectors. The indexer calls it from one thread (the reading and
 * encoding thread), in batches, while another thread compresses and writes the previous batch.
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
   * An embedder that encodes nothing: it hands back vectors computed earlier (e.g. once, for writing
   * the same documents into two indexes), looked up by document id.
   */
  static TokenEmbedder precomputed(ModelIdentity model, Map<String, DocumentVectors> byId) {
    return new TokenEmbedder() {
      @Override
      public ModelIdentity model() {
        return model;
      }

      @Override
      public List<DocumentVectors> embed(List<SourceDocument> documents) {
        return documents.stream().map(d -> byId.get(d.id())).toList();
      }
    };
  }
}
