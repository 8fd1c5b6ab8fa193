/**
 * What the indexer consumes: documents from a source, and their token embeddings from a model it
 * does not know.
 *
 * <ul>
 *   <li>{@link io.latte.indexer.input.DocumentSource} streams {@link io.latte.indexer.input.SourceRecord}s:
 *       either a {@link io.latte.indexer.input.SourceDocument} or a {@link
 *       io.latte.indexer.input.BadDocument} (a line that could not be read, with file, line and
 *       reason), so the skip-or-stop policy is decided in one place, by the builder.
 *       {@link io.latte.indexer.input.CorpusFile} reads a BEIR-style {@code corpus.jsonl[.gz]}.
 *   <li>Documents may bring their own {@link io.latte.indexer.input.TokenVectors} (encoded
 *       elsewhere): a {@code "vectors"} field on a corpus line, or a binary {@link
 *       io.latte.indexer.input.TokenVectorsFormat} file read by {@link
 *       io.latte.indexer.input.TokenVectorsFile}, alone or beside the corpus ({@link
 *       io.latte.indexer.input.VectorsWithCorpus}). They skip the embedder; {@link
 *       io.latte.indexer.input.InvalidVectorsException} names a bad element.
 *   <li>{@link io.latte.indexer.input.TokenEmbedder} turns documents into {@link
 *       io.latte.indexer.input.DocumentVectors} (one vector per token, plus token strings and
 *       offsets for explanations). The indexer never depends on ONNX: the server and eval modules
 *       implement this interface with the real encoder, the tests with random vectors.
 *   <li>{@link io.latte.indexer.input.ModelIdentity} is what an index remembers about the model, so
 *       that opening it with another model is a clear error rather than silently bad scores; an index
 *       built from precomputed vectors alone records {@link
 *       io.latte.indexer.input.ModelIdentity#precomputed} instead.
 * </ul>
 */
package io.latte.indexer.input;
