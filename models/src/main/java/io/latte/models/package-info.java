/**
 * Text to token vectors: the only part of latte that knows about neural models.
 *
 * <p>A {@link io.latte.models.TokenEncoder} turns a query or a document into one L2-normalised
 * vector per token ({@link io.latte.models.EncodedText}), the input of late-interaction (ColBERT /
 * XTR) scoring, plus an optional pooled vector for dense first-stage retrieval. Encoders are opened
 * through {@link io.latte.models.Encoders}, either by the name of a model embedded on the classpath
 * ({@link io.latte.models.Encoders#embeddedNames()}) or from a model directory holding
 * {@code model.onnx}, {@code tokenizer.json} and {@code latte-model.json}.
 *
 * <p>Everything model-specific (output tensor, pooling, prefixes and marker tokens, max lengths,
 * [MASK] query augmentation, the document skiplist) travels with the model in its
 * {@link io.latte.models.ModelSpec}, never as per-model Java code. Token ids of special tokens,
 * markers and skiplist entries are looked up in the model's own tokenizer.
 *
 * <p>Pipeline inside an encoder, each stage its own class: text → {@code InputBuilder} (tokenise with
 * the HuggingFace tokenizer, insert marker, augment, map offsets; a pure function of the tokenizer)
 * → length-sorted, per-batch padded run of the ONNX Runtime session ({@code EncoderSession}) →
 * {@code OutputAssembler} (drop padding, special tokens and skiplist tokens, normalise, pool).
 *
 * <p>The indexer and searcher do not depend on this package; they consume token matrices.
 */
package io.latte.models;
