/**
 * The wiring of encoder and index for search: {@link io.latte.engine.SearchEngine} opens an index
 * with the model it was built with, encodes queries and runs the searcher; {@link
 * io.latte.engine.EncoderEmbedder} is the indexer's token embedder over the ONNX encoder. The CLI,
 * the evaluation harness and the HTTP server all search through it, so they cannot disagree.
 *
 * <p>Its own module, between {@code models} (ONNX) and {@code searcher} (kept free of ONNX), so that
 * serving needs nothing of the evaluation harness.
 */
package io.latte.engine;
