/**
 * Encoding a corpus once and keeping the token vectors on disk.
 *
 * <p>Encoding SciFact takes minutes on two cores while scoring it takes seconds, so evaluation
 * encodes a corpus once per (model, document length, corpus content) and caches the float token
 * matrices in one file ({@link io.latte.eval.encode.EncodedCorpusFile}). The cache key includes the
 * model checksum, so a different model or ONNX export never reads stale vectors.
 */
package io.latte.eval.encode;
