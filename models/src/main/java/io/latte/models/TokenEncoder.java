package io.latte.models;

import java.util.List;

/**
 * Encodes text into one vector per token (late interaction) plus an optional pooled vector.
 *
 * <p>Implementations are safe for concurrent use by several threads (ONNX Runtime sessions and
 * HuggingFace tokenizers are); they must not be closed while a call is in progress. Open one with
 * {@link Encoders#open(String, EncoderOptions)}.
 */
public interface TokenEncoder extends AutoCloseable {

  /** Identity of the model, to be stored with whatever is encoded. */
  ModelInfo info();

  /**
   * Encodes one query with the spec's query prefix, marker, max length and [MASK] augmentation.
   * The skiplist does not apply to queries.
   *
   * @throws IllegalArgumentException if {@code text} is null, empty or blank
   */
  EncodedText encodeQuery(String text);

  /**
   * Encodes documents, returning results in input order. Internally documents are sorted by token
   * length and run in batches of {@link EncoderOptions#batchSize()}, each padded to its own longest
   * member. Empty documents are allowed (they yield only special tokens, or nothing).
   *
   * <p>Batch invariance: for float models the result for a document does not depend on its batch
   * (up to ~1e-6). Dynamically quantised models such as the embedded {@code bge-small-en-v15-q}
   * quantise activations with one scale per tensor, so padding and batch neighbours shift a
   * document's vectors slightly (cosine about 0.99 against encoding it alone); use batch size 1
   * where exact reproducibility matters more than speed.
   *
   * @throws IllegalArgumentException if the list or any element is null
   */
  List<EncodedText> encodeDocuments(List<String> texts);

  /** Releases the native session and tokenizers. */
  @Override
  void close();
}
