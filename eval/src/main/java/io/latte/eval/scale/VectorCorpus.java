package io.latte.eval.scale;

import io.latte.indexer.input.TokenVectors;

/**
 * A corpus of token-vector documents addressed by position: each document can be produced alone,
 * in any order and from any thread, so the corpus streams into the indexer and the exact ground
 * truth is computed in parallel without ever holding all vectors.
 */
public interface VectorCorpus {
  long documents();

  int dim();

  /** Document {@code i}'s unit token vectors, {@code tokens × dim} row-major. */
  TokenVectors document(long i);

  /** Document {@code i}'s {@code _id}. */
  String id(long i);

  /** Identifies the content (same fingerprint, same documents): keys caches and resumable builds. */
  String fingerprint();

  /** The documents in order, streamed: an indexer input ({@code latte index} minus the file). */
  default io.latte.indexer.input.DocumentSource source() {
    return new CorpusStream(this);
  }
}
